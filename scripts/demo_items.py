"""The invented news items of the demo corpus (fiction in wire style, written for Tidings).

Each item: key, fmt (where it is written), outlet, domain, published (ISO 8601 with offset),
title, dateline, wire, paras, and optional author and caption.
"""

from __future__ import annotations

from typing import Any

Item = dict[str, Any]

ITEMS: list[Item] = [
    # --- scraped text pages (seed-like: nav words, doubled captions, "Published On:" lines)
    {
        "key": "blinken-sudani-baghdad",
        "fmt": "txt",
        "outlet": "Daily Meridian",
        "domain": "dailymeridian.example",
        "published": "2024-12-14T07:56:23+05:00",
        "title": "Blinken meets Iraqi premier in Baghdad, urges curbs on armed groups",
        "caption": "Iraqi Prime Minister Mohammed Shia al-Sudani receives US Secretary of State "
        "Antony Blinken in Baghdad on December 13, 2024.",
        "dateline": "BAGHDAD",
        "wire": "AFP",
        "paras": [
            "US Secretary of State Antony Blinken met Iraqi Prime Minister Mohammed Shia "
            "al-Sudani in Baghdad on Friday, days after the fall of Syrian President Bashar "
            "al-Assad.",
            "Blinken asked Sudani to clamp down on Iranian-backed armed groups that have fired "
            "on US troops, a US official said on condition of anonymity.",
            '"We discussed how Iraq can keep itself out of the conflicts around it," Blinken '
            "told reporters after the talks.",
            "Blinken promised to work with Iraq on security and energy, the State Department "
            "said in a statement.",
        ],
    },
    {
        "key": "glued-gaza-doha",
        "fmt": "txt-glued",
        "outlet": "Daily Meridian",
        "domain": "dailymeridian.example",
        "published": "2024-12-15T09:12:40+05:00",
        "title": "Israeli strikes kill 20 in Gaza, civil defence says",
        "caption": "Palestinians inspect the rubble of a house in Gaza City on December 14, 2024.",
        "dateline": "GAZA CITY",
        "wire": "AFP",
        "paras": [
            "Israeli air strikes killed at least 20 people across the Gaza Strip on Saturday, "
            "the territory's civil defence agency said.",
            "The Israeli military said it had struck Hamas militants operating from a former "
            "school in Gaza City.",
            "Civil defence spokesman Mahmud Bassal said rescuers were still searching the rubble.",
        ],
        "second": {
            "key": "glued-doha-talks",
            "published": "2024-12-15T11:30:05+05:00",
            "title": "Hamas accuses Israel of stalling truce talks in Doha",
            "caption": "Mediators meet in Doha on December 14, 2024.",
            "dateline": "DOHA",
            "wire": "AFP",
            "paras": [
                "Hamas accused Israel on Saturday of stalling ceasefire negotiations mediated "
                "by Qatar and Egypt in Doha.",
                "A senior Hamas official said the group had accepted a draft proposal two weeks "
                "ago but that Israel had added new conditions.",
                "Israeli officials did not respond to requests for comment.",
            ],
        },
    },
    {
        "key": "kharkiv-strike",
        "fmt": "txt",
        "outlet": "Daily Meridian",
        "domain": "dailymeridian.example",
        "published": "2024-12-15T22:05:10+05:00",
        "title": "Russian missile strike hits Kharkiv apartment block",
        "caption": "Firefighters work at the site of a missile strike in Kharkiv on December "
        "15, 2024.",
        "dateline": "KHARKIV",
        "wire": "AFP",
        "paras": [
            "A Russian missile struck an apartment block in Kharkiv on Sunday, killing four "
            "people and wounding 17, regional governor Oleh Synehubov said.",
            "Ukrainian President Volodymyr Zelensky accused Moscow of deliberately targeting "
            "civilians and urged Western allies to send more air defence systems.",
            "Russia's defence ministry said its forces had hit military targets in the region.",
        ],
    },
    {
        "key": "erdogan-threat",
        "fmt": "txt",
        "outlet": "Daily Meridian",
        "domain": "dailymeridian.example",
        "published": "2024-12-18T16:44:00+05:00",
        "title": "Erdogan warns Kurdish fighters to lay down arms",
        "caption": "Turkish President Recep Tayyip Erdogan addresses lawmakers in Ankara on "
        "December 18, 2024.",
        "dateline": "ANKARA",
        "wire": "AFP",
        "paras": [
            "Turkish President Recep Tayyip Erdogan threatened on Wednesday to launch a new "
            "offensive in northern Syria unless Kurdish fighters laid down their arms.",
            '"Either they bury their weapons or they will be buried with them," Erdogan told '
            "lawmakers of his ruling party in Ankara.",
            "The Kurdish-led Syrian Democratic Forces said they were ready for talks with "
            "Turkey under US mediation.",
        ],
    },
    {
        "key": "islamabad-rally",
        "fmt": "txt",
        "outlet": "Daily Meridian",
        "domain": "dailymeridian.example",
        "published": "2024-12-16T19:20:00+05:00",
        "title": "Opposition supporters rally in Islamabad",
        "caption": "Supporters of an opposition party gather in Islamabad on December 15, 2024.",
        "dateline": "ISLAMABAD",
        "wire": None,
        "paras": [
            "Thousands of opposition supporters rallied in Islamabad on Sunday, demanding the "
            "release of party leaders detained after protests last month.",
            "Interior Minister Mohsin Naqvi said police would not allow the protesters to "
            "march on parliament.",
            "Party officials said they would hold talks with the government next week.",
        ],
    },
    {
        "key": "naqoura-no-meeting",
        "fmt": "txt",
        "outlet": "Daily Meridian",
        "domain": "dailymeridian.example",
        "published": "2024-12-17T13:02:51+05:00",
        "title": "Ceasefire monitors meet in Naqoura without Lebanese army",
        "caption": "UN peacekeepers patrol near Naqoura in southern Lebanon on December 16, 2024.",
        "dateline": "BEIRUT",
        "wire": "AFP",
        "paras": [
            "The committee monitoring the ceasefire between Israel and Hezbollah met in "
            "Naqoura on Monday, but Israeli and Lebanese officers did not meet face to face.",
            "Lebanese Prime Minister Najib Mikati accused Israel of violating the truce dozens "
            "of times since it took effect last month.",
            "The Israeli army said it had struck Hezbollah fighters who approached its troops.",
        ],
    },
    {
        "key": "tripoli-agreement",
        "fmt": "txt-gz",
        "outlet": "Daily Meridian",
        "domain": "dailymeridian.example",
        "published": "2024-12-19T10:30:00+05:00",
        "title": "Libyan rivals agree to reopen oil terminals",
        "caption": "Officials attend talks in Tripoli on December 18, 2024.",
        "dateline": "TRIPOLI",
        "wire": "AFP",
        "paras": [
            "Libya's rival administrations agreed in Tripoli on Wednesday to reopen two oil "
            "terminals closed since last Saturday, the UN mission said.",
            "The deal was signed by representatives of the Tripoli-based government and the "
            "eastern-based parliament after two days of talks.",
            "UN envoy Stephanie Koury welcomed the agreement and urged both sides to resume "
            "talks on elections.",
        ],
    },
    # --- HTML pages
    {
        "key": "blinken-sudani-second-outlet",
        "fmt": "html",
        "outlet": "Levant Wire",
        "domain": "levantwire.example",
        "published": "2024-12-13T18:30:00+03:00",
        "title": "US top diplomat presses Iraq on militias during Baghdad visit",
        "dateline": "BAGHDAD",
        "wire": "Reuters",
        "reuters_date": "Dec 13",
        "author": "Sara Haddad",
        "paras": [
            "U.S. Secretary of State Antony Blinken held talks with Iraqi Prime Minister "
            "Mohammed Shia al-Sudani in Baghdad on Friday on an unannounced visit.",
            "Blinken urged Baghdad to prevent armed factions from using Iraqi territory to "
            "launch attacks, according to a U.S. official travelling with him.",
            "Sudani told Blinken that Iraq wanted a stable and united Syria, his office said.",
        ],
    },
    {
        "key": "macron-zelensky-paris",
        "fmt": "html",
        "outlet": "Euro Ledger",
        "domain": "euroledger.example",
        "published": "2024-12-08T20:15:00+01:00",
        "title": "Macron hosts Zelensky in Paris, promises more air defence",
        "dateline": "PARIS",
        "wire": "AFP",
        "author": "Claire Dumont",
        "paras": [
            "French President Emmanuel Macron met Ukrainian President Volodymyr Zelensky at the "
            "Elysee Palace in Paris on Saturday.",
            "Macron promised to deliver additional air defence systems to Ukraine before the "
            "end of the year, his office said.",
            'Zelensky said Ukraine needed "a just peace, not a pause" and called on Europe to '
            "keep up pressure on Moscow.",
        ],
    },
    {
        "key": "germany-aid-syria",
        "fmt": "html",
        "outlet": "Euro Ledger",
        "domain": "euroledger.example",
        "published": "2024-12-20T12:00:00+01:00",
        "title": "Germany pledges aid to Syria, urges inclusive transition",
        "dateline": "DAMASCUS",
        "wire": "AFP",
        "paras": [
            "Germany will provide 60 million euros in humanitarian aid to Syria, a German "
            "diplomat said in Damascus on Friday.",
            "German officials met representatives of the new authorities and urged them to "
            "protect minorities and include all communities in the transition.",
            "Berlin closed its embassy in Damascus in 2012.",
        ],
    },
    {
        "key": "aleppo-drone",
        "fmt": "html",
        "outlet": "Levant Wire",
        "domain": "levantwire.example",
        "published": "2024-12-11T09:40:00+03:00",
        "title": "Drone attack kills civilians near Aleppo",
        "dateline": "ALEPPO",
        "wire": "AFP",
        "paras": [
            "A drone attack killed three civilians in a village east of Aleppo on Tuesday, a "
            "war monitor said.",
            "The Syrian Democratic Forces accused Turkish-backed factions of carrying out the "
            "attack.",
            "The factions denied any role and accused the SDF of shelling their positions "
            "earlier this month.",
        ],
    },
    {
        "key": "eu-sanctions-russia",
        "fmt": "html",
        "outlet": "Euro Ledger",
        "domain": "euroledger.example",
        "published": "2024-12-16T17:25:00+01:00",
        "title": "EU adopts new sanctions against Russia's shadow fleet",
        "dateline": "BRUSSELS",
        "wire": "AFP",
        "paras": [
            "European Union foreign ministers adopted a 15th package of sanctions against "
            "Russia on Monday, targeting dozens of tankers of its so-called shadow fleet.",
            "EU foreign policy chief Kaja Kallas said the bloc would keep raising the cost of "
            "the war for the Kremlin.",
            "Russian Foreign Ministry spokeswoman Maria Zakharova called the measures illegal.",
        ],
    },
    {
        "key": "iran-warning",
        "fmt": "html",
        "outlet": "Gulf Courier",
        "domain": "gulfcourier.example",
        "published": "2024-12-22T14:10:00+04:00",
        "title": "Iran warns of response if nuclear sites are attacked",
        "dateline": "TEHRAN",
        "wire": "AFP",
        "paras": [
            "Iran's Foreign Minister Abbas Araghchi warned on Sunday that Tehran would respond "
            "forcefully to any attack on its nuclear facilities.",
            '"Any aggression will meet a decisive answer," Araghchi said at a news conference '
            "in Tehran.",
            "He said Iran remained open to talks with European powers on its nuclear programme.",
        ],
    },
    {
        "key": "cairo-ceasefire-call",
        "fmt": "html",
        "outlet": "Gulf Courier",
        "domain": "gulfcourier.example",
        "published": "2024-12-12T16:00:00+02:00",
        "title": "Egypt and Qatar urge Gaza ceasefire after Cairo talks",
        "dateline": "CAIRO",
        "wire": "AFP",
        "paras": [
            "Egyptian Foreign Minister Badr Abdelatty and Qatar's Prime Minister Mohammed bin "
            "Abdulrahman Al Thani met in Cairo on Wednesday and called for an immediate "
            "ceasefire in Gaza.",
            "The two ministers said mediation efforts had gained momentum earlier this month.",
            "They urged Israel to allow more humanitarian aid into the territory.",
        ],
    },
    {
        "key": "mosul-anniversary",
        "fmt": "html",
        "outlet": "Levant Wire",
        "domain": "levantwire.example",
        "published": "2024-12-10T11:00:00+03:00",
        "title": "Iraq says jihadist cells still active a decade after Mosul fell",
        "dateline": "MOSUL",
        "wire": "AFP",
        "paras": [
            "Iraqi security forces arrested five suspected Islamic State members near Mosul on "
            "Monday, the interior ministry said.",
            "The jihadist group seized Mosul in 2014 before being driven out by Iraqi forces "
            "backed by a US-led coalition three years later.",
            "Officials said the cells still carried out sporadic attacks in remote areas.",
        ],
    },
    # --- JSON Lines items
    {
        "key": "blinken-sudani-week-later",
        "fmt": "jsonl",
        "outlet": "Capital Post",
        "domain": "capitalpost.example",
        "published": "2024-12-21T08:00:00+00:00",
        "title": "Blinken and Sudani meet again as Syria transition unfolds",
        "dateline": "BAGHDAD",
        "wire": "AP",
        "paras": [
            "Secretary of State Antony Blinken met Iraqi Prime Minister Mohammed Shia al-Sudani "
            "again on Friday, a week after their talks in Baghdad.",
            "The two men discussed the security of Iraq's border with Syria and the fate of "
            "camps holding Islamic State suspects, the prime minister's office said.",
            "Sudani said Iraq would not interfere in Syria's internal affairs.",
        ],
    },
    {
        "key": "el-fasher-attack",
        "fmt": "jsonl",
        "outlet": "Capital Post",
        "domain": "capitalpost.example",
        "published": "2024-12-14T15:30:00+00:00",
        "title": "Paramilitary shelling kills dozens in Sudan's El Fasher",
        "dateline": "PORT SUDAN",
        "wire": "AFP",
        "paras": [
            "Shelling by the paramilitary Rapid Support Forces killed at least 30 people in El "
            "Fasher on Friday, a local resistance committee said.",
            "The United Nations condemned the attack and urged both sides to protect civilians.",
            "The RSF denied targeting civilians.",
        ],
    },
    {
        "key": "zelensky-air-defence",
        "fmt": "jsonl",
        "outlet": "Capital Post",
        "domain": "capitalpost.example",
        "published": "2024-12-11T19:45:00+02:00",
        "title": "Zelensky asks allies for more Patriot systems",
        "dateline": "KYIV",
        "wire": "AP",
        "paras": [
            "Ukrainian President Volodymyr Zelensky asked Western allies on Wednesday to supply "
            "at least ten more Patriot air defence systems.",
            "He said Russia had launched more than 1,000 drones at Ukraine last week.",
            "NATO Secretary General Mark Rutte said the alliance would discuss the request.",
        ],
    },
    {
        "key": "taiwan-drills",
        "fmt": "jsonl",
        "outlet": "Capital Post",
        "domain": "capitalpost.example",
        "published": "2024-12-10T06:20:00+08:00",
        "title": "China warns Taiwan after naval build-up",
        "dateline": "TAIPEI",
        "wire": "AFP",
        "paras": [
            'China\'s defence ministry warned on Monday that Beijing would "crush" any moves '
            "towards Taiwan's independence.",
            "Taiwan's defence ministry said it had tracked dozens of Chinese navy and coast "
            "guard ships near the island.",
            "Taiwanese President Lai Ching-te urged Beijing to stop its military pressure.",
        ],
    },
    {
        "key": "tbilisi-protests",
        "fmt": "jsonl",
        "outlet": "Capital Post",
        "domain": "capitalpost.example",
        "published": "2024-12-08T23:00:00+04:00",
        "title": "Protesters rally in Tbilisi for tenth night",
        "dateline": "TBILISI",
        "wire": "AFP",
        "paras": [
            "Thousands of protesters gathered outside parliament in Tbilisi on Sunday for a "
            "tenth night of rallies against the government's decision to suspend EU accession "
            "talks.",
            "Police used water cannon to disperse the crowd, the interior ministry said.",
            "President Salome Zourabichvili accused the ruling party of betraying the country's "
            "European future.",
        ],
    },
    {
        "key": "venezuela-sanctions",
        "fmt": "jsonl",
        "outlet": "Capital Post",
        "domain": "capitalpost.example",
        "published": "2024-12-17T20:10:00-05:00",
        "title": "US sanctions Venezuelan officials over election crackdown",
        "dateline": "WASHINGTON",
        "wire": "Reuters",
        "reuters_date": "Dec 17",
        "paras": [
            "The United States imposed sanctions on Tuesday on 21 Venezuelan security and "
            "cabinet officials it accused of repressing protesters after the July election.",
            "The Treasury Department said the officials had carried out arbitrary arrests.",
            "Venezuela's foreign ministry rejected the sanctions as illegal.",
        ],
    },
    {
        "key": "gaza-aid-convoy",
        "fmt": "jsonl",
        "outlet": "Capital Post",
        "domain": "capitalpost.example",
        "published": "2024-12-19T12:35:00+02:00",
        "title": "UN aid convoy reaches northern Gaza",
        "dateline": "GAZA CITY",
        "wire": "AFP",
        "paras": [
            "A United Nations convoy delivered food and medical supplies to northern Gaza on "
            "Thursday for the first time in two weeks, the World Food Programme said.",
            "UN officials said Israeli authorities had rejected several earlier requests for "
            "access.",
            "COGAT, the Israeli body overseeing aid, said it had facilitated the convoy.",
        ],
    },
    {
        "key": "pedersen-damascus",
        "fmt": "jsonl",
        "outlet": "Capital Post",
        "domain": "capitalpost.example",
        "published": "2024-12-15T18:00:00+03:00",
        "title": "UN envoy calls for credible transition on Damascus visit",
        "dateline": "DAMASCUS",
        "wire": "AFP",
        "paras": [
            "UN envoy Geir Pedersen met Syria's new leader Ahmed al-Sharaa in Damascus on "
            "Sunday, a week after Assad fled the country.",
            '"We need a credible and inclusive transition," Pedersen told reporters after the '
            "meeting.",
            "Pedersen said two weeks ago that the situation could change very quickly.",
        ],
    },
    # --- CSV rows
    {
        "key": "mogadishu-attack",
        "fmt": "csv",
        "outlet": "Horn Monitor",
        "domain": "hornmonitor.example",
        "published": "2024-12-09T14:00:00+03:00",
        "title": "Al-Shabaab attack on army base kills soldiers",
        "dateline": "MOGADISHU",
        "wire": "AFP",
        "paras": [
            "Al-Shabaab fighters attacked an army base north of Mogadishu on Monday, killing "
            "at least seven soldiers, a military officer said.",
            "The militants claimed the attack in a statement.",
            "Somalia's defence ministry said troops had repelled the assault.",
        ],
    },
    {
        "key": "mali-junta",
        "fmt": "csv",
        "outlet": "Horn Monitor",
        "domain": "hornmonitor.example",
        "published": "2024-12-12T10:00:00+00:00",
        "title": "Mali junta expels foreign mining executives",
        "dateline": "BAMAKO",
        "wire": "AFP",
        "paras": [
            "Mali's military government ordered the expulsion of two foreign mining executives "
            "on Wednesday after a dispute over tax payments.",
            "The mining company accused the authorities of holding its staff illegally.",
            "The junta has tightened its control over the mining sector since 2023.",
        ],
    },
    {
        "key": "india-china-border",
        "fmt": "csv",
        "outlet": "Horn Monitor",
        "domain": "hornmonitor.example",
        "published": "2024-12-18T21:00:00+05:30",
        "title": "India and China agree to keep border calm",
        "dateline": "NEW DELHI",
        "wire": "AFP",
        "paras": [
            "India and China agreed on Wednesday to maintain peace along their disputed "
            "Himalayan border, India's foreign ministry said after talks in Beijing.",
            "National Security Adviser Ajit Doval met Chinese Foreign Minister Wang Yi for the "
            "first such talks in five years.",
            "The two countries clashed in the Galwan valley in 2020.",
        ],
    },
    {
        "key": "armenia-azerbaijan",
        "fmt": "csv",
        "outlet": "Horn Monitor",
        "domain": "hornmonitor.example",
        "published": "2024-12-13T17:00:00+04:00",
        "title": "Armenia accuses Azerbaijan of border shooting",
        "dateline": "YEREVAN",
        "wire": "AFP",
        "paras": [
            "Armenia's defence ministry accused Azerbaijani forces on Friday of opening fire on "
            "Armenian positions along the border.",
            "Baku denied the accusation and said Armenian troops had fired first.",
            "Both sides said they remained committed to peace talks.",
        ],
    },
    {
        "key": "seoul-impeachment",
        "fmt": "csv",
        "outlet": "Horn Monitor",
        "domain": "hornmonitor.example",
        "published": "2024-12-14T18:30:00+09:00",
        "title": "South Korean lawmakers vote to impeach president",
        "dateline": "SEOUL",
        "wire": "AFP",
        "paras": [
            "South Korea's parliament voted on Saturday to impeach President Yoon Suk Yeol over "
            "his short-lived declaration of martial law earlier this month.",
            "Hundreds of thousands of people rallied outside the National Assembly in Seoul as "
            "the vote took place.",
            "Prime Minister Han Duck-soo became acting president.",
        ],
    },
    {
        "key": "jordan-fm-damascus",
        "fmt": "csv",
        "outlet": "Horn Monitor",
        "domain": "hornmonitor.example",
        "published": "2024-12-23T19:00:00+03:00",
        "title": "Jordan's foreign minister meets Syria's new leader",
        "dateline": "DAMASCUS",
        "wire": "AFP",
        "paras": [
            "Jordanian Foreign Minister Ayman Safadi met Syria's de facto leader Ahmed al-Sharaa "
            "in Damascus on Monday.",
            "Safadi said Jordan was ready to help rebuild Syria and offered to supply electricity.",
            "It was the first visit by a senior Arab official since Assad's fall.",
        ],
    },
    # --- WARC records
    {
        "key": "gaza-strikes-second-outlet",
        "fmt": "warc",
        "outlet": "Levant Wire",
        "domain": "levantwire.example",
        "published": "2024-12-14T21:00:00+02:00",
        "title": "Gaza rescuers say Israeli strikes kill at least 20",
        "dateline": "GAZA",
        "wire": "Reuters",
        "reuters_date": "Dec 14",
        "paras": [
            "Israeli strikes killed at least 20 Palestinians in the Gaza Strip on Saturday, "
            "according to local health officials.",
            "The Israeli military said it had targeted Hamas militants and taken steps to "
            "limit harm to civilians.",
            "Hamas condemned the strikes as a massacre.",
        ],
    },
    {
        "key": "kharkiv-second-outlet",
        "fmt": "warc",
        "outlet": "Euro Ledger",
        "domain": "euroledger.example",
        "published": "2024-12-15T19:30:00+02:00",
        "title": "Four dead as missile hits Kharkiv",
        "dateline": "KYIV",
        "wire": "AP",
        "paras": [
            "A Russian ballistic missile hit a residential building in the city of Kharkiv on "
            "Sunday, killing four people, Ukrainian officials said.",
            "Zelensky called the strike an act of terror and repeated his call for more air "
            "defence.",
            "Moscow did not comment on the strike.",
        ],
    },
    {
        "key": "blinken-fidan-ankara",
        "fmt": "warc",
        "outlet": "Capital Post",
        "domain": "capitalpost.example",
        "published": "2024-12-12T22:00:00+03:00",
        "title": "Blinken meets Turkish counterpart in Ankara on Syria",
        "dateline": "ANKARA",
        "wire": "AP",
        "paras": [
            "Secretary of State Antony Blinken met Turkish Foreign Minister Hakan Fidan in "
            "Ankara on Thursday to discuss the transition in Syria.",
            "Blinken urged Turkey to avoid actions that could reignite fighting with Kurdish "
            "forces in northern Syria.",
            "Fidan said Turkey's priority was to prevent Islamic State from regrouping.",
        ],
    },
    {
        "key": "aqaba-meeting",
        "fmt": "warc",
        "outlet": "Gulf Courier",
        "domain": "gulfcourier.example",
        "published": "2024-12-14T20:00:00+03:00",
        "title": "Arab and Western ministers agree on principles for Syria in Aqaba",
        "dateline": "AQABA",
        "wire": "AFP",
        "paras": [
            "Arab, Turkish, European and US diplomats meeting in the Jordanian city of Aqaba on "
            "Saturday agreed on principles for a peaceful transition in Syria.",
            "The ministers urged Syria's new authorities to hold free elections under UN "
            "supervision.",
            "No representative of the new Syrian government attended.",
        ],
    },
    {
        "key": "sudani-factions",
        "fmt": "warc",
        "outlet": "Levant Wire",
        "domain": "levantwire.example",
        "published": "2024-12-16T13:00:00+03:00",
        "title": "Iraqi premier tells armed factions to stay out of Syria",
        "dateline": "BAGHDAD",
        "wire": "AFP",
        "paras": [
            "Iraqi Prime Minister Mohammed Shia al-Sudani warned armed factions on Monday not "
            "to send fighters into Syria.",
            "He said the state alone would decide questions of war and peace.",
            "Sudani met US Secretary of State Antony Blinken in Baghdad last Friday.",
        ],
    },
    {
        "key": "israel-strikes-syria",
        "fmt": "warc",
        "outlet": "Gulf Courier",
        "domain": "gulfcourier.example",
        "published": "2024-12-10T15:00:00+03:00",
        "title": "Israel strikes Syrian military sites after Assad's fall",
        "dateline": "DAMASCUS",
        "wire": "AFP",
        "paras": [
            "Israeli warplanes struck dozens of military sites across Syria on Monday and "
            "Tuesday, including air bases near Damascus, a war monitor said.",
            "Israel said it was destroying weapons to keep them out of the hands of extremists.",
            "Qatar and Saudi Arabia accused Israel of violating Syria's sovereignty.",
        ],
    },
    # --- RSS items
    {
        "key": "hezbollah-accuses",
        "fmt": "rss",
        "outlet": "Levant Wire",
        "domain": "levantwire.example",
        "published": "2024-12-09T18:00:00+02:00",
        "title": "Hezbollah accuses Israel of truce breaches",
        "dateline": "BEIRUT",
        "wire": "AFP",
        "paras": [
            "Hezbollah accused Israel on Monday of violating the ceasefire in southern Lebanon "
            "by demolishing homes in border villages.",
            "The Israeli army said it was acting against threats to its troops.",
        ],
    },
    {
        "key": "kobani-shelling",
        "fmt": "rss",
        "outlet": "Levant Wire",
        "domain": "levantwire.example",
        "published": "2024-12-17T10:00:00+03:00",
        "title": "Kurdish forces say Turkish shelling hits near Kobani",
        "dateline": "QAMISHLI",
        "wire": "AFP",
        "paras": [
            "Kurdish-led forces said Turkish artillery shelled villages near Kobani on Tuesday.",
            "Ankara did not confirm the shelling but said it would not allow a terror corridor "
            "on its border.",
        ],
    },
    {
        "key": "doha-hosts",
        "fmt": "rss",
        "outlet": "Levant Wire",
        "domain": "levantwire.example",
        "published": "2024-12-20T16:00:00+03:00",
        "title": "Qatar hosts Syrian opposition figures",
        "dateline": "DOHA",
        "wire": "AFP",
        "paras": [
            "Qatar's Prime Minister Mohammed bin Abdulrahman Al Thani hosted Syrian opposition "
            "figures in Doha on Thursday.",
            "Qatar promised to support reconstruction once a new government is formed.",
        ],
    },
    {
        "key": "lebanon-president-vote",
        "fmt": "rss",
        "outlet": "Levant Wire",
        "domain": "levantwire.example",
        "published": "2024-12-21T12:00:00+02:00",
        "title": "Lebanese parliament to vote on president in January",
        "dateline": "BEIRUT",
        "wire": "AFP",
        "paras": [
            "Lebanon's parliament speaker Nabih Berri said lawmakers would meet on January 9 to "
            "elect a president, ending a vacancy that began in 2022.",
            "Western envoys have urged Lebanese parties to agree on a candidate.",
        ],
    },
    {
        "key": "jordan-aid-gaza",
        "fmt": "rss",
        "outlet": "Levant Wire",
        "domain": "levantwire.example",
        "published": "2024-12-22T09:00:00+03:00",
        "title": "Jordan sends aid trucks to Gaza",
        "dateline": "AMMAN",
        "wire": "AFP",
        "paras": [
            "Jordan sent 100 trucks of food aid to Gaza on Sunday, the Jordan Hashemite Charity "
            "Organisation said.",
            "King Abdullah II urged the international community to secure a lasting ceasefire.",
        ],
    },
    # --- Atom entries
    {
        "key": "bayrou-appointed",
        "fmt": "atom",
        "outlet": "Euro Ledger",
        "domain": "euroledger.example",
        "published": "2024-12-13T14:30:00+01:00",
        "title": "Macron names centrist Bayrou as prime minister",
        "dateline": "PARIS",
        "wire": "AFP",
        "paras": [
            "French President Emmanuel Macron appointed centrist veteran Francois Bayrou as "
            "prime minister on Friday, after the previous government fell last week.",
            "Opposition leaders threatened to topple the new government if it ignored their "
            "demands on the budget.",
        ],
    },
    {
        "key": "scholz-confidence",
        "fmt": "atom",
        "outlet": "Euro Ledger",
        "domain": "euroledger.example",
        "published": "2024-12-16T18:00:00+01:00",
        "title": "Scholz loses confidence vote, opening way to early election",
        "dateline": "BERLIN",
        "wire": "AFP",
        "paras": [
            "German Chancellor Olaf Scholz lost a confidence vote in the Bundestag on Monday, "
            "paving the way for early elections in February.",
            "Opposition leader Friedrich Merz accused Scholz of leaving the country in crisis.",
        ],
    },
    {
        "key": "rutte-kyiv",
        "fmt": "atom",
        "outlet": "Euro Ledger",
        "domain": "euroledger.example",
        "published": "2024-12-18T21:00:00+01:00",
        "title": "NATO chief hosts Zelensky and European leaders in Brussels",
        "dateline": "BRUSSELS",
        "wire": "AFP",
        "paras": [
            "NATO Secretary General Mark Rutte hosted Volodymyr Zelensky and several European "
            "leaders at his residence in Brussels on Wednesday.",
            "The leaders pledged to strengthen Ukraine's position before any talks with Russia.",
        ],
    },
    {
        "key": "romania-election",
        "fmt": "atom",
        "outlet": "Euro Ledger",
        "domain": "euroledger.example",
        "published": "2024-12-07T11:00:00+01:00",
        "title": "Romania's top court annuls presidential election",
        "dateline": "BUCHAREST",
        "wire": "AFP",
        "paras": [
            "Romania's Constitutional Court annulled the first round of the presidential "
            "election on Friday after allegations of Russian interference.",
            "Moscow denied any involvement.",
        ],
    },
]

# Extra valid items written next to broken ones (a latin-1 page and the good lines of a JSONL
# file with one malformed line).
LATIN1_ITEM: Item = {
    "key": "munich-talks-latin1",
    "outlet": "Euro Ledger",
    "published": "2024-12-05T10:00:00+01:00",
    "title": "Talks in München end without deal",
    "paras": [
        "MUNICH (AFP) - German and Austrian ministers met in München on Thursday but failed to "
        "agree on border controls, officials said.",
        "Austria's interior minister Gerhard Karner said the talks would continue in Zürich "
        "next month.",
    ],
}
