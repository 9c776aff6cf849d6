"""Hand-written sentence frames for ``make_event_corpus.py`` (the team's own words).

Slots: {S} source, {T} target, {P} place, {D} time, {X} a speaker, {C}/{C2} companies,
{K}/{K2} sports teams. An act is written once in its forms (past, bare verb phrase, gerund,
passive); ``ACTS`` expands each into modality wrappers following the annotation conventions:
promised or planned cooperation is AGREE, a threatened conflict act is THREATEN, "denied
doing" keeps the act with modality denied, "did not" keeps it negated.
"""

from __future__ import annotations

from typing import Any

# (type, mode, source group, target group, past, bare, gerund, passive or "")
_A = tuple[str, str, str, str, str, str, str, str]
_RAW: list[_A] = [
    # AGREE
    ("AGREE", "", "gov", "gov", "{S} signed a peace agreement with {T} {D}", "sign a peace agreement with {T}", "signing a peace agreement with {T}", "A peace agreement was signed by {S} and {T} {D}"),
    ("AGREE", "", "gov", "gov", "{S} reached a deal with {T} on grain exports {D}", "reach a deal with {T} on grain exports", "reaching a deal with {T}", ""),
    ("AGREE", "", "gov", "gov", "{S} and {T} agreed {D} to a ceasefire along the disputed border", "agree to a ceasefire with {T}", "agreeing to a ceasefire with {T}", ""),
    ("AGREE", "", "gov", "gov", "{S} accepted a proposal from {T} to hold a referendum", "accept the proposal from {T}", "accepting a proposal from {T}", "A proposal from {T} was accepted by {S} {D}"),
    ("AGREE", "", "gov", "gov", "{S} struck an accord with {T} in {P} {D} on sharing river water", "strike an accord with {T}", "striking an accord with {T}", ""),
    ("AGREE", "", "gov", "gov", "Negotiators for {S} initialled a draft treaty with {T} in {P}", "initial a draft treaty with {T}", "initialling a treaty with {T}", ""),
    # CONSULT
    ("CONSULT", "visit", "leader", "gov", "{S} met {T} in {P} {D}", "meet {T}", "meeting {T}", "{T} was visited by {S} {D}"),
    ("CONSULT", "visit", "leader", "state", "{S} arrived in {P} {D} for talks with {T}", "travel to {P} for talks with {T}", "travelling to {P} to meet {T}", ""),
    ("CONSULT", "phone", "leader", "leader", "{S} spoke by telephone with {T} {D}", "call {T}", "calling {T}", ""),
    ("CONSULT", "multilateral", "gov", "gov", "{S} held talks with {T} in {P} {D} on the refugee crisis", "hold talks with {T}", "holding talks with {T}", "Talks were held by {S} with {T} in {P}"),
    ("CONSULT", "third-party", "gov", "gov", "{S} and {T} met in {P} {D} at talks hosted by Qatar", "meet {T} in {P}", "meeting {T}", ""),
    ("CONSULT", "visit", "leader", "gov", "{S} hosted {T} at the presidential palace {D}", "host {T}", "hosting {T}", "{T} was hosted by {S} in {P}"),
    ("CONSULT", "", "gov", "gov", "{S} discussed border security with {T} during a two-day visit to {P}", "discuss border security with {T}", "discussing security with {T}", ""),
    # SUPPORT
    ("SUPPORT", "", "gov", "gov", "{S} praised {T} {D} for its handling of the election", "praise {T}", "praising {T}", "{T} was praised by {S} {D}"),
    ("SUPPORT", "", "gov", "gov", "{S} voiced support for {T} in its dispute with neighbours", "back {T}", "backing {T}", "{T} was backed by {S}"),
    ("SUPPORT", "", "gov", "gov", "{S} endorsed {T}'s bid for a seat on the Security Council {D}", "endorse {T}", "endorsing {T}", ""),
    ("SUPPORT", "", "gov", "gov", "{S} welcomed the decision by {T} to free political prisoners", "welcome the move by {T}", "welcoming the move by {T}", ""),
    ("SUPPORT", "", "gov", "gov", "{S} expressed solidarity with {T} after the attacks", "stand by {T}", "standing by {T}", ""),
    ("SUPPORT", "", "gov", "gov", "{S} congratulated {T} on its victory in the vote {D}", "congratulate {T}", "congratulating {T}", ""),
    # CONCEDE
    ("CONCEDE", "", "gov", "civil", "{S} apologized to {T} {D} for the police raid", "apologize to {T}", "apologizing to {T}", ""),
    ("CONCEDE", "", "gov", "civil", "{S} lifted the curfew it had imposed on {T} in {P}", "lift the curfew on {T}", "lifting the curfew on {T}", "The curfew on {T} was lifted by {S} {D}"),
    ("CONCEDE", "", "gov", "civil", "{S} gave in to demands by {T} and scrapped the fuel tax {D}", "give in to {T}", "giving in to {T}", ""),
    ("CONCEDE", "", "gov", "gov", "{S} eased restrictions on imports from {T} {D}", "ease restrictions on {T}", "easing restrictions on {T}", "Restrictions on {T} were eased by {S}"),
    ("CONCEDE", "", "gov", "civil", "{S} granted an amnesty to {T} detained during the unrest", "grant an amnesty to {T}", "granting an amnesty to {T}", ""),
    # COOPERATE
    ("COOPERATE", "", "gov", "gov", "{S} and {T} launched joint naval exercises in the Gulf {D}", "hold joint exercises with {T}", "holding exercises with {T}", ""),
    ("COOPERATE", "", "gov", "gov", "{S} restored diplomatic relations with {T} {D}", "restore relations with {T}", "restoring relations with {T}", "Diplomatic ties with {T} were restored by {S}"),
    ("COOPERATE", "", "gov", "gov", "{S} shared intelligence with {T} on the militant network", "share intelligence with {T}", "sharing intelligence with {T}", ""),
    ("COOPERATE", "", "gov", "gov", "{S} extradited two suspects to {T} {D}", "extradite the suspects to {T}", "extraditing suspects to {T}", ""),
    ("COOPERATE", "", "gov", "gov", "{S} worked with {T} to reopen the border crossing at {P}", "work with {T}", "working with {T}", ""),
    ("COOPERATE", "", "gov", "gov", "{S} signed a defence cooperation pact with {T} in {P}", "cooperate with {T} on defence", "cooperating with {T}", ""),
    # AID
    ("AID", "", "gov", "any", "{S} sent 40 tonnes of food and medicine to {T} {D}", "send aid to {T}", "sending aid to {T}", "Food and medicine were sent to {T} by {S} {D}"),
    ("AID", "", "gov", "gov", "{S} pledged $200 million in reconstruction aid to {T}", "provide aid to {T}", "providing aid to {T}", ""),
    ("AID", "", "gov", "armed", "{S} supplied air defence systems to {T} {D}", "supply weapons to {T}", "supplying weapons to {T}", "Air defence systems were supplied to {T} by {S}"),
    ("AID", "", "org", "civil", "{S} delivered emergency shelter to {T} in {P}", "deliver relief to {T}", "delivering relief to {T}", ""),
    ("AID", "", "gov", "gov", "{S} approved a $3 billion loan to {T} {D}", "lend money to {T}", "lending money to {T}", "A loan to {T} was approved by {S}"),
    ("AID", "", "gov", "any", "{S} gave refuge to {T} fleeing the fighting", "shelter {T}", "sheltering {T}", ""),
    # RETREAT
    ("RETREAT", "withdraw", "armed", "state", "{S} pulled out of positions near {P} held against {T} {D}", "withdraw from {P}", "withdrawing troops from {P}", ""),
    ("RETREAT", "release", "armed", "any", "{S} released {T} held since the raid {D}", "release {T}", "releasing {T}", "{T} were released by {S} {D}"),
    ("RETREAT", "withdraw", "state", "state", "{S} withdrew its troops from the territory of {T} {D}", "withdraw its troops from {T}", "withdrawing troops from {T}", ""),
    ("RETREAT", "resign", "leader", "", "{S} resigned {D} amid a corruption scandal", "step down", "stepping down", ""),
    ("RETREAT", "disarm", "armed", "state", "{S} handed over their weapons to {T} in {P}", "disarm", "disarming", ""),
    ("RETREAT", "ceasefire", "armed", "armed", "{S} halted attacks on {T} in {P} {D}", "halt attacks on {T}", "halting attacks on {T}", ""),
    # REJECT
    ("REJECT", "", "gov", "gov", "{S} rejected a proposal by {T} for new talks {D}", "reject the proposal by {T}", "rejecting the offer from {T}", "A proposal by {T} was rejected by {S} {D}"),
    ("REJECT", "meet", "gov", "gov", "{S} refused to meet {T} {D}", "refuse to meet {T}", "refusing to meet {T}", ""),
    ("REJECT", "", "gov", "gov", "{S} dismissed calls from {T} to hold early elections", "dismiss the demands of {T}", "dismissing the demands of {T}", "Calls from {T} were dismissed by {S}"),
    ("REJECT", "yield", "gov", "civil", "{S} turned down demands from {T} to free detained activists", "turn down the demands of {T}", "turning down the demands of {T}", ""),
    ("REJECT", "", "gov", "gov", "{S} vetoed a resolution drafted by {T} {D}", "veto the resolution of {T}", "vetoing the resolution", ""),
    # ACCUSE
    ("ACCUSE", "allege", "gov", "any", "{S} accused {T} {D} of violating the truce", "accuse {T} of violating the truce", "accusing {T}", "{T} was accused by {S} of violating the truce"),
    ("ACCUSE", "disapprove", "gov", "gov", "{S} condemned {T} for the shelling of civilian areas", "condemn {T}", "condemning {T}", "{T} was condemned by {S} {D}"),
    ("ACCUSE", "disapprove", "gov", "gov", "{S} criticised {T} {D} over its treatment of migrants", "criticise {T}", "criticising {T}", "{T} has been criticised by {S}"),
    ("ACCUSE", "allege", "gov", "any", "{S} blamed {T} for the bombing in {P}", "blame {T} for the bombing", "blaming {T}", "{T} was blamed by {S} for the bombing"),
    ("ACCUSE", "investigate", "gov", "any", "{S} opened an investigation into {T} over alleged vote rigging", "investigate {T}", "investigating {T}", "{T} is being investigated by {S}"),
    ("ACCUSE", "allege", "gov", "any", "Prosecutors for {S} charged {T} with terrorism offences {D}", "charge {T}", "charging {T}", ""),
    ("ACCUSE", "disapprove", "gov", "gov", "{S} denounced the election held by {T} as a sham", "denounce {T}", "denouncing {T}", ""),
    # THREATEN
    ("THREATEN", "violence", "gov", "gov", "{S} warned {T} {D} of a military response if it crossed the line", "warn {T} of military action", "warning {T}", ""),
    ("THREATEN", "relations", "gov", "gov", "{S} threatened to cut diplomatic ties with {T}", "threaten {T}", "threatening {T}", ""),
    ("THREATEN", "restrict", "gov", "gov", "{S} threatened {T} with new trade restrictions {D}", "threaten {T} with restrictions", "threatening {T}", "{T} was threatened by {S} with trade curbs"),
    ("THREATEN", "violence", "armed", "any", "{S} threatened to attack {T} unless the prisoners were freed", "threaten to attack {T}", "threatening to attack {T}", ""),
    ("THREATEN", "expel", "gov", "gov", "{S} gave diplomats from {T} an ultimatum to leave within 48 hours", "issue an ultimatum to {T}", "issuing an ultimatum to {T}", ""),
    # PROTEST
    ("PROTEST", "demo", "civil", "gov", "{S} rallied outside parliament in {P} {D} against {T}", "protest against {T}", "protesting against {T}", ""),
    ("PROTEST", "demo", "civil", "gov", "{S} marched through {P} {D} demanding that {T} resign", "march against {T}", "marching against {T}", ""),
    ("PROTEST", "strike", "civil", "gov", "{S} went on strike {D} to protest pay cuts by {T}", "strike against {T}", "striking against {T}", ""),
    ("PROTEST", "riot", "civil", "police", "{S} clashed with {T} in {P} and set fire to cars {D}", "riot in {P}", "rioting", ""),
    ("PROTEST", "boycott", "party", "gov", "{S} boycotted the vote called by {T} {D}", "boycott the vote held by {T}", "boycotting the vote", ""),
    ("PROTEST", "obstruct", "civil", "gov", "{S} blocked roads into {P} to protest against {T}", "block roads against {T}", "blocking roads", ""),
    ("PROTEST", "hunger", "civil", "gov", "{S} began a hunger strike {D} against their detention by {T}", "go on hunger strike", "staging a hunger strike", ""),
    # SANCTION
    ("SANCTION", "", "gov", "gov", "{S} imposed sanctions on {T} {D} over its missile programme", "impose sanctions on {T}", "imposing sanctions on {T}", "Sanctions were imposed on {T} by {S} {D}"),
    ("SANCTION", "expel", "gov", "gov", "{S} expelled four diplomats from {T} {D}", "expel diplomats from {T}", "expelling diplomats from {T}", "Diplomats from {T} were expelled by {S}"),
    ("SANCTION", "withdraw", "gov", "gov", "{S} recalled its ambassador from {T} {D}", "recall its ambassador from {T}", "recalling its envoy from {T}", ""),
    ("SANCTION", "discontinue", "gov", "gov", "{S} suspended aid to {T} after the coup", "suspend aid to {T}", "suspending aid to {T}", "Aid to {T} was suspended by {S}"),
    ("SANCTION", "convict", "gov", "any", "A court in {P} sentenced {T} to ten years in prison {D}", "jail {T}", "jailing {T}", "{T} were sentenced to prison {D}"),
    ("SANCTION", "", "gov", "gov", "{S} froze the assets of {T} held in European banks", "freeze the assets of {T}", "freezing the assets of {T}", ""),
    ("SANCTION", "discontinue", "gov", "gov", "{S} broke off diplomatic relations with {T} {D}", "sever ties with {T}", "severing ties with {T}", ""),
    # MOBILIZE
    ("MOBILIZE", "troops", "armed", "state", "{S} deployed thousands of troops to the border with {T} {D}", "deploy troops near {T}", "deploying troops near {T}", "Troops were deployed by {S} along the border with {T}"),
    ("MOBILIZE", "weapons", "state", "state", "{S} moved missile batteries closer to {T} {D}", "move missiles toward {T}", "moving missiles toward {T}", ""),
    ("MOBILIZE", "police", "police", "civil", "{S} sent hundreds of officers into {P} ahead of planned protests by {T}", "send police into {P}", "sending police into {P}", ""),
    ("MOBILIZE", "troops", "state", "", "{S} put its armed forces on high alert {D}", "put its forces on alert", "putting forces on alert", ""),
    ("MOBILIZE", "militia", "armed", "state", "{S} called up reservists and massed armour near {P}", "mass forces near {P}", "massing forces near {P}", ""),
    # COERCE
    ("COERCE", "arrest", "police", "civil", "{S} arrested dozens of {T} in {P} {D}", "arrest {T}", "arresting {T}", "Dozens of {T} were arrested by {S} {D}"),
    ("COERCE", "arrest", "police", "civil", "{S} detained {T} during a raid in {P} {D}", "detain {T}", "detaining {T}", "{T} were detained by {S} in {P}"),
    ("COERCE", "deport", "gov", "civil", "{S} deported {T} to their home country {D}", "deport {T}", "deporting {T}", "{T} were deported by {S}"),
    ("COERCE", "curfew", "gov", "civil", "{S} imposed a curfew on {T} in {P} {D}", "impose a curfew on {P}", "imposing a curfew", ""),
    ("COERCE", "censor", "gov", "civil", "{S} shut down the newspaper run by {T} {D}", "shut down the newspaper of {T}", "shutting down the newspaper", ""),
    ("COERCE", "seize", "armed", "any", "{S} seized a tanker belonging to {T} in the Strait of Hormuz", "seize the tanker of {T}", "seizing a tanker", "A tanker of {T} was seized by {S} {D}"),
    ("COERCE", "restrict", "gov", "civil", "{S} banned rallies by {T} in {P} {D}", "ban rallies by {T}", "banning rallies by {T}", "Rallies by {T} were banned by {S}"),
    ("COERCE", "cyber", "state", "state", "Hackers working for {S} breached the networks of {T} {D}", "hack {T}", "hacking {T}", ""),
    # ASSAULT
    ("ASSAULT", "aerial", "armed", "any", "{S} carried out air strikes on {T} in {P} {D}", "bomb {T}", "bombing {T}", "{T} were hit by air strikes launched by {S}"),
    ("ASSAULT", "heavy-weapons", "armed", "state", "{S} fired two artillery shells at {T} {D}", "shell {T}", "shelling {T}", "{T} came under artillery fire from {S} {D}"),
    ("ASSAULT", "firearms", "armed", "any", "{S} opened fire on {T} near {P}, killing three", "open fire on {T}", "firing on {T}", "{T} were shot by {S} near {P}"),
    ("ASSAULT", "explosives", "armed", "any", "{S} detonated a car bomb targeting {T} in {P}", "bomb {T}", "bombing {T}", ""),
    ("ASSAULT", "aerial", "armed", "armed", "{S} shot down a helicopter operated by {T} {D}", "shoot down the aircraft of {T}", "shooting down the aircraft", "A helicopter of {T} was shot down by {S} {D}"),
    ("ASSAULT", "abduct", "armed", "any", "{S} kidnapped {T} on the road to {P}", "abduct {T}", "abducting {T}", "{T} were abducted by {S} {D}"),
    ("ASSAULT", "beat", "police", "civil", "{S} beat {T} with batons in {P} {D}", "beat {T}", "beating {T}", "{T} were beaten by {S} in {P}"),
    ("ASSAULT", "drone", "armed", "any", "{S} launched a drone attack on {T} {D}", "attack {T} with drones", "attacking {T}", "{T} were attacked with drones by {S}"),
    ("ASSAULT", "crowd-control", "police", "civil", "{S} fired tear gas at {T} in {P} {D}", "fire tear gas at {T}", "firing tear gas at {T}", "Tear gas was fired at {T} by {S}"),
    ("ASSAULT", "firearms", "armed", "any", "{S} attacked {T} in {P} {D}", "attack {T}", "attacking {T}", "{T} were attacked by {S} in {P} {D}"),
]
# Acts whose promised, planned or hypothetical form is AGREE, and whose threatened form is
# THREATEN (with the mode of the threatened act).
COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
THREAT_MODE = {
    "ASSAULT": "violence",
    "MOBILIZE": "violence",
    "COERCE": "restrict",
    "SANCTION": "relations",
    "PROTEST": "restrict",
}


def _wrappers(a: _A) -> list[dict[str, Any]]:
    etype, mode, _sg, _tg, past, bare, ger, passive = a
    # Mid-sentence, a frame's own opening word ("A court ...") is lower case.
    inner = past if past.startswith("{") else past[:1].lower() + past[1:]
    w: list[dict[str, Any]] = [
        {"frame": past + ".", "type": None, "modality": "asserted"},
        {"frame": "{D}, " + inner.replace(" {D}", "") + ", {X} said.", "type": None},
        {"frame": past + " and {X} said more steps could follow.", "type": None},
        {"frame": "In a move that surprised many, " + inner + ".", "type": None},
        {"frame": "{S} did not " + bare + " {D}, {X} said.", "type": None, "negated": True},
        {"frame": "{S} denied " + ger + " {D}.", "type": None, "modality": "denied"},
    ]
    if passive:
        w.append({"frame": passive + ".", "type": None, "voice": "passive"})
        w.append({"frame": passive + ", according to {X}.", "type": None, "voice": "passive"})
    if etype in COOPERATIVE:
        w.append({"frame": "{S} promised to " + bare + ".", "type": "AGREE", "mode": "", "modality": "promised"})
        w.append({"frame": "{S} said {D} it would " + bare + " soon.", "type": "AGREE", "mode": "", "modality": "intended"})
        w.append({"frame": "{S} has offered to " + bare + " if the talks go ahead.", "type": "AGREE", "mode": "", "modality": "hypothetical"})
    elif etype in THREAT_MODE:
        w.append({"frame": "{S} threatened {D} to " + bare + ".", "type": "THREATEN", "mode": THREAT_MODE[etype], "modality": "threatened"})
        w.append({"frame": "{S} warned it would " + bare + " if provoked.", "type": "THREATEN", "mode": THREAT_MODE[etype], "modality": "threatened"})
        w.append({"frame": "{S} plans to " + bare + " next month, {X} said.", "type": None, "modality": "intended"})
    else:
        w.append({"frame": "{S} is expected to " + bare + " {D}.", "type": None, "modality": "intended"})
        w.append({"frame": "{S} could " + bare + " if the crisis deepens.", "type": None, "modality": "hypothetical"})
    return w


def _acts() -> list[dict[str, Any]]:
    out = []
    for n, a in enumerate(_RAW):
        out.append(
            {
                "id": f"{a[0].lower()}-{n}",
                "type": a[0],
                "mode": a[1],
                "sg": a[2],
                "tg": a[3] or "any",
                "wrappers": [{"id": f"{a[0].lower()}-{n}-{k}", **w} for k, w in enumerate(_wrappers(a))],
            }
        )
    return out


ACTS = _acts()
# REQUEST frames: "X asked Y to do Z" is REQUEST with Y as target.
REQUESTS: list[dict[str, Any]] = [
    {"id": f"request-{i}", "type": "REQUEST", "mode": m, "modality": "requested", "sg": "gov", "tg": "gov", "frame": f}
    for i, (m, f) in enumerate(
        [
            ("change", "{S} urged {T} {D} to release detained journalists."),
            ("meet", "{S} called on {T} to return to the negotiating table."),
            ("assist", "{S} appealed to {T} for emergency food aid {D}."),
            ("yield", "{S} demanded that {T} withdraw its forces from {P}."),
            ("change", "{S} asked {T} to rein in armed groups operating near {P}."),
            ("assist", "{S} requested military assistance from {T} {D}."),
            ("change", "{T} was urged by {S} to hold free and fair elections."),
            ("meet", "{S} invited {T} to a summit in {P} next month."),
            ("change", "In a letter, {S} pressed {T} to stop the deportations, {X} said."),
            ("yield", "{S} has demanded that {T} hand over the suspects within a week."),
            ("change", "{S} did not ask {T} to change its policy, {X} said."),
            ("assist", "{S} sought help from {T} {D} to evacuate civilians from {P}."),
        ]
    )
]
for r in REQUESTS:
    if "did not" in r["frame"]:
        r["negated"] = True
# Multi-event sentences (type, mode) in order.
COMPOUND: list[dict[str, Any]] = [
    {"id": "comp-0", "frame": "{S} met {T} in {P} {D} and signed a trade agreement.", "events": [("CONSULT", "visit"), ("AGREE", "")]},
    {"id": "comp-1", "frame": "{S} condemned {T} and recalled its ambassador {D}.", "events": [("ACCUSE", "disapprove"), ("SANCTION", "withdraw")]},
    {"id": "comp-2", "frame": "{S} accused {T} of espionage and expelled two of its diplomats {D}.", "events": [("ACCUSE", "allege"), ("SANCTION", "expel")]},
    {"id": "comp-3", "frame": "{S} rejected the demands of {T} and threatened to impose tariffs.", "events": [("REJECT", ""), ("THREATEN", "relations")]},
    {"id": "comp-4", "frame": "{S} praised {T} for the prisoner release and promised to send aid.", "events": [("SUPPORT", ""), ("AGREE", "")]},
    {"id": "comp-5", "frame": "After talks with {T} in {P}, {S} agreed to reopen the border crossing {D}.", "events": [("CONSULT", ""), ("AGREE", "")]},
]
# Hard negatives: no political event, often with event-like verbs or actors present.
_NEG = [
    "Air pollution in {P} hit record levels {D}, forcing schools to close.",
    "Temperatures hit record levels across the region {D}.",
    "City officials deployed salt trucks ahead of the storm {D}.",
    "The storm battered the coast {D}, knocking out power to 20,000 homes.",
    "Heavy rain flooded streets in {P} {D}, and forecasters warned of more storms.",
    "The weather service issued a warning for high winds in {P} {D}.",
    "A heatwave is expected to hit the south of the country this weekend.",
    "Snow blanketed {P} {D} and several flights were cancelled.",
    "An earthquake of magnitude 5.2 shook {P} {D}; no damage was reported.",
    "Wildfires swept through forests near {P}, forcing residents to flee.",
    "Shares of {C} fell 4 percent {D} after the company cut its forecast.",
    "Stocks hit record levels {D} as investors bet on lower interest rates.",
    "Oil prices attacked the $90 mark before retreating {D}.",
    "The dollar gained against the euro {D}, while gold slipped.",
    "{C} agreed to buy {C2} for $2.1 billion in cash, the companies said {D}.",
    "{C} launched an aggressive pricing campaign against {C2} {D}.",
    "Analysts expect the central bank to hold rates steady next month.",
    "Inflation eased to 3.1 percent in October, data showed {D}.",
    "{C} fired its chief executive {D} after a review of his expenses.",
    "Investors punished {C} after it missed earnings estimates.",
    "{K} beat {K2} 3-1 {D} to move top of the table.",
    "{K} crushed {K2} in the final, with the striker scoring twice.",
    "The striker fired a shot past the goalkeeper in the 89th minute.",
    "{K} signed a new goalkeeper from {K2} for a record fee {D}.",
    "{K} will face {K2} in the semi-final {D}.",
    "The coach of {K} attacked the referee's decision after the match.",
    "{K} defended their title with a narrow win over {K2} {D}.",
    "The marathon runner broke the world record in {P} {D}.",
    "A bus collided with a truck near {P} {D}, killing six passengers.",
    "A car crash on the highway outside {P} left two people dead {D}.",
    "A fire broke out at a warehouse in {P} {D}; the cause is unknown.",
    "A train derailed near {P} {D}, injuring 14 people.",
    "Two fishermen drowned after their boat capsized off {P} {D}.",
    "A gas explosion destroyed an apartment block in {P} {D}.",
    "Any aggression will meet a decisive answer.",
    "Peace is the only path forward for the region, the columnist wrote.",
    "Democracy needs patience and compromise.",
    "Relations between the two countries remain tense.",
    "Will {S} attack {T}?",
    "Could {S} and {T} reach a deal before the deadline?",
    "Why did {S} refuse to meet {T}?",
    "Is {S} ready to impose sanctions on {T}?",
    "What happens if {S} sends troops to {P}?",
    "{S}'s economy grew 2.4 percent in the third quarter.",
    "{S} is home to more than 40 million people.",
    "{S} has a long coastline and a large fishing industry.",
    "The population of {P} has doubled since 1990.",
    "The new museum in {P} opened to visitors {D}.",
    "The film festival in {P} drew record crowds {D}.",
    "The band announced a world tour starting in {P} in June.",
    "Scientists discovered a new species of frog near {P}.",
    "The hospital in {P} treated 300 patients for heat exhaustion {D}.",
    "The virus spread quickly through schools in {P}, health workers said.",
    "Traffic police closed the road for repairs {D}.",
    "Local farmers harvested a bumper crop of wheat this year.",
    "The opposition's campaign hit a wall of voter apathy.",
    "The new policy took aim at rising food prices.",
    "The bill sailed through its first reading {D}.",
    "Critics say the plan will cost too much.",
    "The minister's speech struck a chord with young voters.",
    "The company fought off a hostile takeover bid from {C2}.",
    "The cold snap killed thousands of livestock in the highlands.",
    "Locusts invaded farmland across the northern province {D}.",
    "The river burst its banks near {P} {D}.",
    "Fans stormed the pitch after the final whistle in {P}.",
    "The chess champion defeated his rival in 40 moves.",
    "Markets in {P} were hammered by a sell-off in tech stocks {D}.",
    "The airline deployed larger planes on the route to {P}.",
    "The app was launched in {P} {D} and quickly topped the charts.",
    "Engineers blasted through the mountain to finish the tunnel.",
    "A cargo ship ran aground off {P} {D}.",
    "The price of bread has risen by a third since January.",
    "The university will hold its graduation ceremony {D}.",
    "Tourism to {P} recovered strongly last year.",
    "A man was killed when a tree fell on his car in {P} {D}.",
    "The striker threatened to leave {K} if his contract was not renewed.",
    "The storm threatens crops across the northern province.",
    "The outbreak poses a threat to livestock in {P}.",
    "The company said demand for its products remained strong.",
    "The report said unemployment fell to 5 percent.",
    "The minister said the economy would grow faster next year.",
    "Officials said the bridge would reopen {D}.",
    "THE WEATHER: SUNNY AND WARM IN {P}",
    "Team | Played | Won | Lost {K} | 10 | 7 | 3 {K2} | 10 | 5 | 5",
    "Date Time Venue {D} 19:00 {P} Stadium",
    "Read more",
    "Photo: Reuters",
    "Updated {D}",
]
NEGATIVES: list[dict[str, Any]] = [{"id": f"neg-{i}", "frame": f} for i, f in enumerate(_NEG)]
# Plain statements by political actors (CAMEO 01x): no codable interaction.
SPEECH: list[dict[str, Any]] = [
    {"id": f"speech-{i}", "frame": f}
    for i, f in enumerate(
        [
            "{S} said {D} that the economy was recovering.",
            "{S} told reporters in {P} that the budget would be published next week.",
            "{S} announced plans to build three new hospitals.",
            "{S} said it was studying the report carefully.",
            "{S} declined to comment on the matter {D}.",
            "{S} held a news conference in {P} {D} about the harvest.",
            "{S} unveiled a new tax code {D}.",
            "In a televised address, {S} spoke about the country's history.",
        ]
    )
]
