"""The demo catalogue in nynorsk: measures and meeting places, drafted with Apertium
(nob-nno_e) from ``demo_content`` and reviewed by hand. Keyed by slug (a measure's slug is made
from its bokmål name). The measures' longer text is made by the loader from the summary."""

# ruff: noqa: E501 - prose

MEASURES = {
    "svangerskapsomsorg": {
        "title": "Svangerskapsomsorg",
        "summary": "Kontroller og samtalar hos jordmor gjennom svangerskapet.",
    },
    "hjemmebesok-av-jordmor-og-helsesykepleier": {
        "title": "Heimebesøk av jordmor og helsesjukepleiar",
        "summary": "Besøk heime dei første dagane og vekene etter fødselen.",
    },
    "helsestasjonens-faste-konsultasjoner": {
        "title": "Faste konsultasjonar på helsestasjonen",
        "summary": "Vekst, utvikling, vaksinar og samtale om kvardagen for barn 0–5 år.",
    },
    "foreldregruppe-for-nybakte-foreldre": {
        "title": "Foreldregruppe for nybakte foreldre",
        "summary": "Samlingar der foreldre møter andre i same situasjon, leidde av helsesjukepleiaren.",
    },
    "helsesykepleier-pa-skolen": {
        "title": "Helsesjukepleiar på skulen",
        "summary": "Helsesjukepleiaren har faste dagar på kvar skule, og du kan kome utan avtale.",
    },
    "helsestasjon-for-ungdom": {
        "title": "Helsestasjon for ungdom",
        "summary": "Drop-in for ungdom om kropp, prevensjon, psykisk helse og det som er vanskeleg.",
    },
    "samtalegruppe-for-barn-med-skilte-foreldre": {
        "title": "Samtalegruppe for barn med skilde foreldre",
        "summary": "Gruppe der barn kan snakke om korleis det er når foreldra flyttar frå kvarandre.",
    },
    "oppfolging-av-barn-med-overvekt": {
        "title": "Oppfølging av barn med overvekt",
        "summary": "Tverrfagleg oppfølging av barn og familie med fokus på mat, aktivitet og trivsel.",
    },
    "sprakkartlegging-ved-2-og-4-arskontroll": {
        "title": "Språkkartlegging ved 2- og 4-årskontroll",
        "summary": "Kartlegging av språk og samspel, med råd og vidare tilvising ved behov.",
    },
    "foreldreveiledning-icdp": {
        "title": "Foreldrerettleiing (ICDP)",
        "summary": "Kurs som styrkjer samspelet mellom foreldre og barn.",
    },
    "de-utrolige-arene": {
        "title": "Dei utrulege åra",
        "summary": "Foreldrekurs for familiar med barn som viser tidlege åtferdsvanskar.",
    },
    "familieveiledning-i-hjemmet": {
        "title": "Familierettleiing i heimen",
        "summary": "Ein rettleiar kjem heim og arbeider med familien over nokre veker.",
    },
    "familieterapi": {
        "title": "Familieterapi",
        "summary": "Samtalar med heile familien når det er konfliktar eller store endringar.",
    },
    "foreldresamtaler-om-samlivsbrudd": {
        "title": "Foreldresamtalar om samlivsbrot",
        "summary": "Samtalar for foreldre som skal skiljast, med det barna treng, i sentrum.",
    },
    "barnesamtaler-snakke-med-barn": {
        "title": "Barnesamtalar (Snakke med barn)",
        "summary": "Samtalar med barn som lever med bekymringar heime.",
    },
    "trygg-for-skolestart": {
        "title": "Trygg før skulestart",
        "summary": "Kurs for foreldre til førsteklassingar om overgangen til skulen.",
    },
    "rad-og-veiledning-ogsa-anonymt": {
        "title": "Råd og rettleiing, også anonymt",
        "summary": "Alle kan ringje barnevernstenesta og drøfte ei bekymring utan å oppgi namn.",
    },
    "hjelpetiltak-i-hjemmet": {
        "title": "Hjelpetiltak i heimen",
        "summary": "Rettleiing og støtte til familien etter ei undersøking i barnevernstenesta.",
    },
    "stottekontakt": {
        "title": "Støttekontakt",
        "summary": "Ein vaksen som gjer fritidsaktivitetar saman med barnet eller ungdommen.",
    },
    "besokshjem-avlastning": {
        "title": "Besøksheim (avlasting)",
        "summary": "Barnet er helgar hos ein fast familie, slik at foreldra får avlasting.",
    },
    "ettervern-for-unge-voksne": {
        "title": "Ettervern for unge vaksne",
        "summary": "Oppfølging etter fylte 18 år for ungdom som har hatt tiltak frå barnevernet.",
    },
    "foreldreveiledning-etter-vold-i-familien": {
        "title": "Foreldrerettleiing etter vald i familien",
        "summary": "Oppfølging av familiar der det har vore vald, saman med politi og krisesenter.",
    },
    "sakkyndig-vurdering": {
        "title": "Sakkunnig vurdering",
        "summary": "Vurdering av om barnet treng spesialpedagogisk hjelp eller spesialundervisning.",
    },
    "veiledning-til-barnehager-og-skoler": {
        "title": "Rettleiing til barnehagar og skular",
        "summary": "PPT rettleier dei tilsette om læringsmiljø og tilrettelegging.",
    },
    "droftingsmoter-for-laerere-og-barnehagelaerere": {
        "title": "Drøftingsmøte for lærarar og barnehagelærarar",
        "summary": "Faste møte der tilsette kan drøfte eit barn anonymt med PPT.",
    },
    "logoped": {
        "title": "Logoped",
        "summary": "Utgreiing og behandling av språk- og talevanskar.",
    },
    "miljoterapeut-pa-skolen": {
        "title": "Miljøterapeut på skulen",
        "summary": "Ein miljøterapeut hjelper elevar med trivsel, vennskap og konfliktar.",
    },
    "plan-ved-bekymringsfullt-skolefravaer": {
        "title": "Plan ved urovekkjande skulefråvær",
        "summary": "Skulen lagar ein plan saman med eleven og foreldra når fråværet aukar.",
    },
    "leksehjelp": {
        "title": "Leksehjelp",
        "summary": "Gratis leksehjelp etter skuletid med vaksne til stades.",
    },
    "vennegrupper": {
        "title": "Vennegrupper",
        "summary": "Små grupper som øver på samarbeid og vennskap, leidde av ein miljøterapeut.",
    },
    "aktivitetsplan-mot-mobbing": {
        "title": "Aktivitetsplan mot mobbing",
        "summary": "Når ein elev ikkje har det trygt og godt, lagar skulen ein aktivitetsplan.",
    },
    "sosiallaerer": {
        "title": "Sosiallærar",
        "summary": "Samtalar om skule, vener og det som er vanskeleg, for alle elevar.",
    },
    "alternativ-opplaeringsarena": {
        "title": "Alternativ opplæringsarena",
        "summary": "Delar av skuleveka på ein praktisk arena for elevar som strevar med skulen.",
    },
    "fravaersteam": {
        "title": "Fråværsteam",
        "summary": "Skulen, helsesjukepleiar og PPT samarbeider med elevar med høgt fråvær.",
    },
    "psykologisk-forstehjelp-i-klassen": {
        "title": "Psykologisk førstehjelp i klassen",
        "summary": "Undervisningsopplegg om tankar og kjensler for heile klassar.",
    },
    "redusert-foreldrebetaling-i-sfo": {
        "title": "Redusert foreldrebetaling i SFO",
        "summary": "Lågare pris eller gratis plass for familiar med låg inntekt.",
    },
    "tilrettelagt-sfo": {
        "title": "Tilrettelagt SFO",
        "summary": "Ekstra vaksne og tilpassa aktivitetar for barn som treng det.",
    },
    "sprakgrupper-i-barnehagen": {
        "title": "Språkgrupper i barnehagen",
        "summary": "Lek og aktivitetar i små grupper for barn som treng ekstra språkstøtte.",
    },
    "foreldresamtaler-med-tolk": {
        "title": "Foreldresamtalar med tolk",
        "summary": "Barnehagen bestiller tolk til foreldresamtalar når det trengst.",
    },
    "tett-pa-samtaler-i-barnehagen": {
        "title": "Tett på-samtalar i barnehagen",
        "summary": "Ekstra oppfølgingssamtalar når barnehagen og foreldra er uroa.",
    },
    "samtaletilbud-for-ungdom": {
        "title": "Samtaletilbod for ungdom",
        "summary": "Korte samtaleforløp med psykolog eller psykiatrisk sjukepleiar, utan tilvising.",
    },
    "kurs-i-mestring-av-belastning-kib": {
        "title": "Kurs i meistring av belastning (KiB)",
        "summary": "Kurs for ungdom om stress, tankar og kjensler.",
    },
    "barn-som-parorende": {
        "title": "Barn som pårørande",
        "summary": "Samtalar for barn som har foreldre med psykisk sjukdom eller rusproblem.",
    },
    "rusforebyggende-samtaler": {
        "title": "Rusførebyggjande samtalar",
        "summary": "Oppfølging av unge som eksperimenterer med rus, saman med familien.",
    },
    "kommunepsykolog": {
        "title": "Kommunepsykolog",
        "summary": "Rettleiing til tenestene og kortvarig behandling for barn og unge.",
    },
    "ungdomsveileder-i-nav": {
        "title": "Ungdomsrettleiar i NAV",
        "summary": "Fast rettleiar for unge som treng hjelp til skule, jobb eller bustad.",
    },
    "okonomisk-radgivning": {
        "title": "Økonomisk rådgiving",
        "summary": "Hjelp til å få oversikt over økonomien og lage ein plan.",
    },
    "sommerjobb-for-ungdom": {
        "title": "Sommarjobb for ungdom",
        "summary": "Betalt sommarjobb i kommunen for ungdom som treng erfaring.",
    },
    "kvalifiseringsprogrammet": {
        "title": "Kvalifiseringsprogrammet",
        "summary": "Tett oppfølging mot arbeid for unge vaksne som står utanfor.",
    },
    "fritidskortet": {
        "title": "Fritidskortet",
        "summary": "Støtte til ein fritidsaktivitet etter eige val.",
    },
    "ungdomsklubben": {
        "title": "Ungdomsklubben",
        "summary": "Ope hus for ungdom med trygge vaksne tre kveldar i veka.",
    },
    "utstyrssentralen": {
        "title": "Utstyrssentralen",
        "summary": "Gratis lån av sports- og friluftsutstyr.",
    },
    "kulturskolen-med-soskenmoderasjon": {
        "title": "Kulturskulen med søskenmoderasjon",
        "summary": "Musikk, dans og kunst med redusert pris for familiar med låg inntekt.",
    },
    "ferieaktiviteter-i-sommerferien": {
        "title": "Ferieaktivitetar i sommarferien",
        "summary": "Gratis aktivitetar for barn som ikkje reiser bort i ferien.",
    },
    "oppfolging-av-nyankomne-familier": {
        "title": "Oppfølging av nykomne familiar",
        "summary": "Hjelp med bustad, skule, barnehage og helse dei første åra.",
    },
    "foreldreveiledning-for-flyktningforeldre": {
        "title": "Foreldrerettleiing for flyktningforeldre",
        "summary": "Samtalegrupper om foreldrerolla i Noreg, med tolk.",
    },
    "miljoarbeider-for-enslige-mindrearige": {
        "title": "Miljøarbeidar for einslege mindreårige",
        "summary": "Tett oppfølging i kvardagen for unge som kom åleine.",
    },
    "gratis-tannhelse-til-og-med-24-ar": {
        "title": "Gratis tannhelse til og med 24 år",
        "summary": "Faste kontrollar og behandling; tannhelsepersonell melder også frå ved omsorgssvikt.",
    },
    "fysioterapi-for-barn": {
        "title": "Fysioterapi for barn",
        "summary": "Undersøking og behandling ved motoriske vanskar.",
    },
    "hjelpemidler-og-tilrettelegging": {
        "title": "Hjelpemiddel og tilrettelegging",
        "summary": "Ein ergoterapeut vurderer hjelpemiddel heime, i barnehagen og på skulen.",
    },
}

MEETING_PLACES = {
    "forebyggende-forum": {
        "title": "Førebyggjande forum",
        "summary": "Barnehagar og skular drøftar ei undring med helsesjukepleiar, PPT og barnevernstenesta.",
    },
    "tverrfaglig-team-sentrum-skole": {
        "title": "Tverrfagleg team, Sentrum skole",
        "summary": "Det faste teamet skulen har for elevar det er uro kring.",
    },
    "tverrfaglig-team-nordbyen": {
        "title": "Tverrfagleg team, Nordbyen ungdomsskole",
        "summary": "Det faste teamet skulen har for elevar det er uro kring.",
    },
    "bti-nettverket": {
        "title": "BTI-nettverket",
        "summary": "BTI-kontaktane deler erfaringar og lærer av kvarandre.",
    },
    "barnehageteam": {
        "title": "Barnehageteamet",
        "summary": "Barnehagane drøftar barn med helsestasjon, PPT og fysioterapeut.",
    },
    "ungdomsteam": {
        "title": "Ungdomsteamet",
        "summary": "NAV, psykisk helse og rus og skulane samarbeider om unge som står i fare for å falle ut.",
    },
    "familieteam": {
        "title": "Familieteamet",
        "summary": "Familiens hus og barnevernstenesta samordnar hjelpa til familiar med fleire tiltak.",
    },
    "integreringsforum": {
        "title": "Integreringsforum for barn og unge",
        "summary": "Tenestene møtest om nykomne barn og korleis dei byrjar i skule og barnehage.",
    },
}

# The measures' and meeting places' short texts, keyed by the bokmål text. A place is the
# service's address: a name, the same in nynorsk.
COSTS = {
    "Gratis": "Gratis",
    "Etter søknad": "Etter søknad",
    "Vanlig SFO-pris": "Vanleg SFO-pris",
    "Del av barnehageplassen": "Del av barnehageplassen",
    "Lønnet": "Lønt",
    "Gratis, med stønad": "Gratis, med stønad",
    "Etter inntekt": "Etter inntekt",
    "Gratis til 18 år, redusert pris 19–24": "Gratis til 18 år, redusert pris 19–24",
}
PLACES: dict[str, str] = {}
LANGUAGES = {"Norsk, engelsk. Tolk ved behov.": "Norsk, engelsk. Tolk ved behov."}
FREQUENCIES = {
    "Annenhver uke i skoleåret": "Kvar andre veke i skuleåret",
    "Månedlig": "Månadleg",
    "To ganger i halvåret": "To gonger i halvåret",
    "Hver sjette uke": "Kvar sjette veke",
    "Annenhver uke": "Kvar andre veke",
    "Hver måned": "Kvar månad",
}
