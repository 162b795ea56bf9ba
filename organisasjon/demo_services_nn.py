"""The demo services' names and descriptions in nynorsk: drafted with Apertium (nob-nno_e)
and reviewed by hand. A school's name is its own and stays as the school writes it; the
services' common names take their nynorsk forms ("Barnevernstenesta", as in the glossary)."""

# ruff: noqa: E501 - prose

SERVICES = {
    "solbakken-barnehage": {
        "name": "Solbakken barnehage",
        "description": "Kommunal barnehage med fem avdelingar for barn frå eitt år til skulestart. Barnehagen har eigen BTI-kontakt og er med i førebyggjande forum.",
    },
    "fjellheim-barnehage": {
        "name": "Fjellheim barnehage",
        "description": "Kommunal barnehage med tre avdelingar og vekt på språk og friluftsliv.",
    },
    "sentrum-skole": {
        "name": "Sentrum skole",
        "description": "Barneskule for 1.–7. trinn. Kontaktlæraren er ofte den som held stafetten når skulen og andre tenester samarbeider om ein elev.",
    },
    "nordbyen-ungdomsskole": {
        "name": "Nordbyen ungdomsskole",
        "description": "Ungdomsskule for 8.–10. trinn med sosiallærar og miljøterapeut.",
    },
    "sfo-sentrum": {
        "name": "SFO ved Sentrum skole",
        "description": "Skulefritidsordning for 1.–4. trinn.",
    },
    "helsestasjon-og-skolehelsetjeneste": {
        "name": "Helsestasjon og skulehelseteneste",
        "description": "Svangerskapsomsorg, helsestasjon for barn 0–5 år, skulehelseteneste og helsestasjon for ungdom. Helsesjukepleiaren er til stades på alle skulane.",
    },
    "ppt": {
        "name": "Pedagogisk-psykologisk teneste (PPT)",
        "description": "Sakkunnig vurdering av behovet for spesialpedagogisk hjelp og spesialundervisning, og rettleiing til barnehagar og skular.",
    },
    "barneverntjenesten": {
        "name": "Barnevernstenesta",
        "description": "Tek imot meldingar om uro for barn, gir råd og rettleiing, også anonymt, og set inn hjelpetiltak i samarbeid med familien.",
    },
    "nav": {
        "name": "NAV Eksempel",
        "description": "Økonomisk rådgiving, sosialhjelp og oppfølging av unge som treng hjelp med skule, arbeid eller bustad. Har eigne ungdomsrettleiarar.",
    },
    "familiens-hus": {
        "name": "Familiens hus",
        "description": "Foreldrerettleiing, familieterapi og samtalegrupper for barn og foreldre.",
    },
    "psykisk-helse-og-rus": {
        "name": "Psykisk helse og rus",
        "description": "Lågterskel samtaletilbod for ungdom og unge vaksne, og rusførebygging.",
    },
    "kultur-og-fritid": {
        "name": "Kultur og fritid",
        "description": "Ungdomsklubb, kulturskule, fritidskortet og ungdomsrådet.",
    },
    "tannhelsetjenesten": {
        "name": "Tannhelsetenesta",
        "description": "Gratis tannhelsetilbod til barn og unge. Tannhelsepersonell har også opplysningsplikt og seier frå ved teikn på omsorgssvikt.",
    },
    "fysio-og-ergoterapi": {
        "name": "Fysio- og ergoterapitenesta",
        "description": "Motorisk utvikling, hjelpemiddel og tilrettelegging for barn og unge.",
    },
    "integrering-og-flyktningtjeneste": {
        "name": "Integrering og flyktningteneste",
        "description": "Busetjing og oppfølging av flyktningfamiliar og einslege mindreårige.",
    },
    "fastlegene": {
        "name": "Fastlegane i Eksempel",
        "description": "Samarbeidspartnar: fastlegane er med i samarbeidet om barn når familien ønskjer det.",
    },
}

# Opening hours, keyed by the bokmål text (several services share one).
OPENING_HOURS = {
    "Mandag–fredag 07.00–16.30": "Måndag–fredag 07.00–16.30",
    "Mandag–fredag 07.15–16.45": "Måndag–fredag 07.15–16.45",
    "Kontoret er åpent 08.00–15.00": "Kontoret er ope 08.00–15.00",
    "Mandag–fredag 07.00–08.30 og etter skoletid til 16.30": "Måndag–fredag 07.00–08.30 og etter skuletid til 16.30",
    "Mandag–fredag 08.00–15.30": "Måndag–fredag 08.00–15.30",
    "Mandag–fredag 08.00–15.30. Drop-in for ungdom onsdag 12–15": "Måndag–fredag 08.00–15.30. Drop-in for ungdom onsdag 12–15",
    "Mandag–fredag 08.00–15.30. Helsestasjon for ungdom tirsdag 14–17": "Måndag–fredag 08.00–15.30. Helsestasjon for ungdom tysdag 14–17",
    "Mandag–fredag 08.00–15.30. Utenom kontortid: barnevernvakten": "Måndag–fredag 08.00–15.30. Utanom kontortid: barnevernsvakta",
    "Mandag–fredag 08.00–16.00. Legevakt: 116 117": "Måndag–fredag 08.00–16.00. Legevakt: 116 117",
    "Mandag–fredag 10.00–14.00": "Måndag–fredag 10.00–14.00",
    "Ungdomsklubben: tirsdag og torsdag 18–22, fredag 19–23": "Ungdomsklubben: tysdag og torsdag 18–22, fredag 19–23",
}
