"""The demo municipality's collaboration model: about forty elements on three levels.

Written for "Eksempel kommune" from the facts in the municipalities' published material; the
text is the project's own. Tuples: (level, type, slug, title, summary, body, owner service
slug or None for the coordinator, responsible role, audience, arena details or None).
"""

# ruff: noqa: E501 - prose

from .models import Audience, CaseMode, ElementType, Nivaa

KOM, TJE, IND = Nivaa.KOMMUNE, Nivaa.TJENESTE, Nivaa.INDIVID
PLAN, VERKTOY, RUTINE, ARENA = (
    ElementType.PLAN,
    ElementType.VERKTOY,
    ElementType.RUTINE,
    ElementType.SAMHANDLINGSARENA,
)
DOK, EVAL, BRUKER = ElementType.DOKUMENTASJON, ElementType.EVALUERING, ElementType.BRUKERMEDVIRKNING
PUB, STAFF = Audience.PUBLIC, Audience.STAFF

ELEMENTS = [
    # --- Kommunenivå ----------------------------------------------------------------------
    (
        KOM,
        PLAN,
        "kommuneplanens-samfunnsdel",
        "Kommuneplanens samfunnsdel",
        "Kommunens overordnede mål: alle barn og unge skal ha en trygg oppvekst og få hjelp tidlig.",
        "Samfunnsdelen slår fast at tidlig innsats og samarbeid på tvers av tjenester er et felles "
        "ansvar for hele kommunen. BTS-modellen er måten kommunen følger opp dette målet på.\n\n"
        "Planen rulleres hvert fjerde år, og kommunestyret får årsrapporten for BTS som grunnlag.",
        None,
        "Kommunedirektøren",
        PUB,
        None,
    ),
    (
        KOM,
        PLAN,
        "plan-for-forebyggende-arbeid",
        "Plan for forebyggende arbeid med barn og unge",
        "Barnevernsreformen gir kommunen et større ansvar for forebygging. Planen viser hvordan.",
        "Planen beskriver hvilke tjenester som har ansvar for hva i det forebyggende arbeidet, "
        "hvordan de samarbeider, og hvordan kommunen følger med på barns levekår.\n\n"
        "- mål og satsingsområder for perioden\n- ansvar fordelt på tjenestene\n"
        "- hvordan planen evalueres hvert år",
        None,
        "Kommunalsjef oppvekst",
        PUB,
        None,
    ),
    (
        KOM,
        PLAN,
        "folkehelseoversikt",
        "Oversikt over folkehelsen",
        "Kunnskapsgrunnlaget om barn og unges helse og levekår, blant annet fra Ungdata.",
        "Oversikten oppdateres hvert fjerde år og brukes når kommunen prioriterer tiltak for barn "
        "og unge. Folkehelsekoordinator har ansvaret.",
        None,
        "Folkehelsekoordinator",
        PUB,
        None,
    ),
    (
        KOM,
        PLAN,
        "lovverk-og-foringer",
        "Lovverk og nasjonale føringer",
        "Lovene som styrer samarbeidet om barn: taushetsplikt, opplysningsplikt, samtykke og "
        "samarbeidsplikt.",
        "Samarbeidet bygger blant annet på barnevernsloven, opplæringsloven, barnehageloven, "
        "helse- og omsorgstjenesteloven og forvaltningsloven. Siden 2022 har tjenestene en "
        "lovfestet plikt til å samarbeide om barn som trenger sammensatte tjenester.\n\n"
        "Opplysningsplikten til barnevernet går alltid foran taushetsplikten.",
        None,
        "BTS-koordinator",
        PUB,
        None,
    ),
    (
        KOM,
        ARENA,
        "styringsgruppe-bts",
        "Styringsgruppe for BTS",
        "Ledere fra alle sektorer som har ansvar for modellen og prioriteringene i den.",
        "Styringsgruppen eier BTS-modellen på vegne av kommunedirektøren, vedtar endringer i "
        "modellen og behandler årsrapporten før den går til kommunestyret.",
        None,
        "Kommunalsjef oppvekst (leder)",
        PUB,
        {
            "mandate": "Eie og prioritere arbeidet med BTS og BTI, og sørge for at modellen er "
            "forankret i alle tjenester.",
            "convened_by": "Kommunalsjef oppvekst",
            "frequency": "Fire ganger i året",
            "case_mode": CaseMode.NONE,
            "services": [
                "barneverntjenesten",
                "helsestasjon-og-skolehelsetjeneste",
                "nav",
                "kultur-og-fritid",
                "ppt",
            ],
        },
    ),
    (
        KOM,
        ARENA,
        "ressursgruppe-bts",
        "Ressursgruppe for BTS og BTI",
        "Fagpersoner fra tjenestene som hjelper koordinatoren å drifte og utvikle modellene.",
        "Ressursgruppen følger med på hvordan modellene brukes, foreslår forbedringer og "
        "planlegger opplæring. Gruppen møtes jevnlig og rapporterer til styringsgruppen.",
        None,
        "BTS-koordinator",
        PUB,
        {
            "mandate": "Følge opp driften av BTS-arbeidet, evaluere og videreutvikle modellene.",
            "convened_by": "BTS-koordinator",
            "frequency": "Annenhver måned",
            "case_mode": CaseMode.NONE,
            "services": [
                "solbakken-barnehage",
                "sentrum-skole",
                "helsestasjon-og-skolehelsetjeneste",
                "barneverntjenesten",
                "familiens-hus",
            ],
        },
    ),
    (
        KOM,
        ARENA,
        "ungdomsradet",
        "Ungdomsrådet",
        "Unges egen stemme i kommunen. Rådet uttaler seg om saker som gjelder barn og unge.",
        "Ungdomsrådet har fast plass i styringsgruppen for BTS og blir hørt før modellen endres.",
        "kultur-og-fritid",
        "Ungdomskoordinator",
        PUB,
        {
            "mandate": "Gi barn og unge innflytelse i saker som angår dem.",
            "convened_by": "Ungdomskoordinator i kultur og fritid",
            "frequency": "Månedlig",
            "case_mode": CaseMode.NONE,
            "services": ["kultur-og-fritid"],
        },
    ),
    (
        KOM,
        DOK,
        "arsrapport-bts",
        "Årsrapport for BTS",
        "Hvert år rapporterer BTS-koordinatoren til kommunedirektøren og kommunestyret.",
        "Rapporten viser indikatorene for om modellen virker: hvor mange undringer og "
        "stafettlogger som er registrert, hvordan sakene har beveget seg mellom nivåene, og om "
        "evalueringer og gjennomganger er gjort i tide. Ingen enkeltbarn kan gjenkjennes.",
        None,
        "BTS-koordinator",
        PUB,
        None,
    ),
    (
        KOM,
        EVAL,
        "arshjul-for-revisjon",
        "Årshjul for evaluering og revisjon",
        "Fast plan for når modellen, veilederen og tiltaksoversikten gjennomgås.",
        "Hvert element i modellen har en dato for neste gjennomgang. Eieren får påminnelse en "
        "måned før, og koordinatoren følger opp det som ikke er gjennomgått.",
        None,
        "BTS-koordinator",
        PUB,
        None,
    ),
    (
        KOM,
        BRUKER,
        "brukerpanel-ungdom",
        "Brukerpanel for ungdom",
        "Unge med erfaring fra tjenestene gir råd om hvordan hjelpen kan bli bedre.",
        "Panelet møtes to ganger i året og leser blant annet de offentlige sidene om BTI for å "
        "se om de er forståelige for unge.",
        None,
        "BTS-koordinator",
        PUB,
        None,
    ),
    (
        KOM,
        RUTINE,
        "rutine-for-oppfolging-av-modellen",
        "Rutine for forankring av modellen",
        "Hvordan modellen holdes levende: ansvar, opplæring og rapportering.",
        "Alle ledere har ansvar for at ansatte kjenner modellen og handlingsveilederen. "
        "Koordinatoren samler status fra tjenestene hver høst.",
        None,
        "BTS-koordinator",
        STAFF,
        None,
    ),
    (
        KOM,
        VERKTOY,
        "bts-portalen",
        "BTS-portalen",
        "Denne portalen: modellen, handlingsveilederen, tiltaksoversikten og stafettloggen.",
        "Portalen samler det som før lå i ulike dokumenter og systemer. Innholdet på de åpne "
        "sidene er for alle; stafettloggen er bare for ansatte som deltar i en sak.",
        None,
        "BTS-koordinator",
        PUB,
        None,
    ),
    # --- Tjenestenivå ---------------------------------------------------------------------
    (
        TJE,
        ARENA,
        "forebyggende-forum",
        "Forebyggende forum",
        "Tverrfaglig møte der barnehager og skoler kan drøfte en undring, anonymt eller med "
        "samtykke.",
        "Her møter barnehagen eller skolen helsesykepleier, PPT og barneverntjenesten. Saken "
        "drøftes uten navn, eller med navn når foresatte har samtykket.",
        "familiens-hus",
        "Leder for Familiens hus",
        PUB,
        {
            "mandate": "Gi råd tidlig, før en undring blir til en stor bekymring.",
            "convened_by": "Familiens hus",
            "frequency": "Annenhver uke i skoleåret",
            "case_mode": CaseMode.BOTH,
            "services": [
                "helsestasjon-og-skolehelsetjeneste",
                "ppt",
                "barneverntjenesten",
                "familiens-hus",
            ],
        },
    ),
    (
        TJE,
        ARENA,
        "tverrfaglig-team-skole",
        "Tverrfaglig team på skolene",
        "Skolens faste møte med helsesykepleier, PPT og barnevern om elever det er knyttet "
        "bekymring til.",
        "Teamet møtes på hver skole. Rektor kaller inn. Elever drøftes med samtykke, eller "
        "anonymt hvis foresatte ennå ikke er spurt.",
        "sentrum-skole",
        "Rektor",
        PUB,
        {
            "mandate": "Finne riktige tiltak for elever som trenger mer enn skolen alene kan gi.",
            "convened_by": "Rektor",
            "frequency": "Månedlig",
            "case_mode": CaseMode.BOTH,
            "services": [
                "sentrum-skole",
                "helsestasjon-og-skolehelsetjeneste",
                "ppt",
                "barneverntjenesten",
            ],
        },
    ),
    (
        TJE,
        ARENA,
        "bti-nettverk",
        "BTI-nettverket",
        "BTI-kontaktene fra alle tjenester møtes for å dele erfaringer og lære av hverandre.",
        "Nettverket er et fagforum, ikke et sted for å drøfte enkeltsaker. Koordinatoren leder.",
        None,
        "BTS-koordinator",
        STAFF,
        {
            "mandate": "Styrke BTI-kontaktene som ressurspersoner i egen tjeneste.",
            "convened_by": "BTS-koordinator",
            "frequency": "To ganger i halvåret",
            "case_mode": CaseMode.NONE,
            "services": [
                "solbakken-barnehage",
                "fjellheim-barnehage",
                "sentrum-skole",
                "nordbyen-ungdomsskole",
                "helsestasjon-og-skolehelsetjeneste",
            ],
        },
    ),
    (
        TJE,
        ARENA,
        "ledermote-oppvekst-og-helse",
        "Ledermøte oppvekst og helse",
        "Ledere for tjenester til barn og unge koordinerer samarbeidet og følger opp avvik.",
        "Møtet tar opp felles utfordringer, for eksempel ventetider, og sørger for at "
        "tjenestene ikke jobber hver for seg.",
        None,
        "Kommunalsjef oppvekst",
        STAFF,
        {
            "mandate": "Samordne tjenestene og løse hindre for samarbeid.",
            "convened_by": "Kommunalsjef oppvekst",
            "frequency": "Månedlig",
            "case_mode": CaseMode.NONE,
            "services": [
                "barneverntjenesten",
                "helsestasjon-og-skolehelsetjeneste",
                "ppt",
                "nav",
                "familiens-hus",
            ],
        },
    ),
    (
        TJE,
        RUTINE,
        "rutine-lokal-administrator",
        "Rutine for lokal administrator av stafettlogger",
        "Hvem i tjenesten som kan bytte stafettholder når en ansatt slutter eller er borte.",
        "Hver tjeneste har en lokal administrator. Administratoren ser sakslisten, men ikke "
        "innholdet i sakene, og sørger for at ingen logg står uten stafettholder.",
        None,
        "Leder i hver tjeneste",
        STAFF,
        None,
    ),
    (
        TJE,
        RUTINE,
        "rutine-for-samarbeid-barnehage-skole",
        "Overgang fra barnehage til skole",
        "Hvordan barnehagen og skolen samarbeider når et barn med stafettlogg begynner på skolen.",
        "Med samtykke fra foresatte overføres stafetten fra barnehagen til kontaktlæreren. "
        "Overføringsmøtet holdes før sommeren.",
        "sentrum-skole",
        "Rektor og styrer",
        PUB,
        None,
    ),
    (
        TJE,
        RUTINE,
        "rutine-for-bekymringsmelding",
        "Rutine for melding til barneverntjenesten",
        "Hvordan tjenestene sender bekymringsmelding, og hvem som får vite hva.",
        "Meldingen sendes av den som har bekymringen, gjerne sammen med leder. Barneverntjenesten "
        "gir tilbakemelding om at meldingen er mottatt.",
        "barneverntjenesten",
        "Leder for barneverntjenesten",
        PUB,
        None,
    ),
    (
        TJE,
        VERKTOY,
        "tiltaksoversikten",
        "Tiltaksoversikten",
        "Samlet oversikt over tilbud og tiltak for barn, unge og familier i kommunen.",
        "Oversikten holdes oppdatert av tjenestene selv, og kan søkes i etter alder og tema.",
        None,
        "BTS-koordinator",
        PUB,
        None,
    ),
    (
        TJE,
        VERKTOY,
        "samarbeidsavtale-helsestasjon-barnehage",
        "Samarbeidsavtale mellom helsestasjon og barnehager",
        "Avtale om faste møter og felles rutiner for barn 0–6 år.",
        "Helsesykepleier besøker hver barnehage to ganger i året og er tilgjengelig for drøfting.",
        "helsestasjon-og-skolehelsetjeneste",
        "Leder for helsestasjonen",
        PUB,
        None,
    ),
    (
        TJE,
        DOK,
        "internkontroll-bts",
        "Internkontroll i tjenestene",
        "Hver tjeneste dokumenterer hvordan den følger opp BTS og BTI.",
        "Lederen har nedskrevne rutiner for opplæring, for lokal administrator og for hvordan "
        "tjenesten evaluerer egne tiltak.",
        None,
        "Leder i hver tjeneste",
        STAFF,
        None,
    ),
    (
        TJE,
        EVAL,
        "evaluering-av-samhandlingsarenaer",
        "Evaluering av samhandlingsarenaene",
        "Hvert år vurderer deltakerne om møtene fungerer som de skal.",
        "En kort spørreundersøkelse går til alle som deltar i forebyggende forum og tverrfaglige "
        "team. Resultatene tas med i årsrapporten.",
        None,
        "BTS-koordinator",
        PUB,
        None,
    ),
    (
        TJE,
        BRUKER,
        "fau-og-su",
        "Foreldrenes stemme: FAU og samarbeidsutvalg",
        "Foreldreutvalgene i skolene og samarbeidsutvalgene i barnehagene får informasjon om BTI.",
        "Barnehagen orienterer SU, og skolen orienterer FAU, minst én gang i året om hvordan "
        "BTI brukes og hva foreldre kan forvente.",
        None,
        "Styrer og rektor",
        PUB,
        None,
    ),
    (
        TJE,
        BRUKER,
        "brukerundersokelser",
        "Brukerundersøkelser i tjenestene",
        "Tjenestene spør barn, unge og foreldre om hvordan de opplever hjelpen.",
        "Resultatene brukes i tjenestenes egen evaluering og i årsrapporten.",
        None,
        "Leder i hver tjeneste",
        PUB,
        None,
    ),
    (
        TJE,
        PLAN,
        "kompetanseplan-bti",
        "Kompetanseplan for BTI",
        "Alle nye ansatte får opplæring i BTI, og alle ansatte får en årlig oppfriskning.",
        "Opplæringen skjer i egen tjeneste med felles opplæringsvideo og casearbeid. Ledere får "
        "egen opplæring i stafettloggen.",
        None,
        "BTS-koordinator",
        STAFF,
        None,
    ),
    # --- Individnivå ----------------------------------------------------------------------
    (
        IND,
        VERKTOY,
        "handlingsveilederen",
        "Handlingsveilederen (BTI)",
        "Veien fra undring til handling, trinn for trinn, på nivå 0 til 3.",
        "Veilederen forteller hva du gjør, hvem som har ansvaret og hva som skal dokumenteres, "
        "fra den første undringen til tverrfaglig samarbeid.",
        None,
        "Alle ansatte",
        PUB,
        None,
    ),
    (
        IND,
        VERKTOY,
        "stafettloggen",
        "Stafettloggen",
        "Den digitale loggen for samarbeidet rundt ett barn, når foresatte har samtykket.",
        "Loggen viser mål, tiltak, hvem som har ansvaret og når tiltakene skal evalueres. Bare de "
        "som deltar i saken kan lese den, og alt som leses blir logget.",
        None,
        "Stafettholder",
        PUB,
        None,
    ),
    (
        IND,
        VERKTOY,
        "samtalen-med-barnet",
        "Samtalen med barnet",
        "Råd og øvelser for å snakke med barn om det som er vanskelig.",
        "Bruk åpne spørsmål, lytt mer enn du snakker, og fortell barnet hva som skal skje videre.",
        None,
        "Alle ansatte",
        PUB,
        None,
    ),
    (
        IND,
        VERKTOY,
        "den-nodvendige-samtalen",
        "Den nødvendige samtalen med foreldre",
        "Slik forbereder du en samtale med foreldre om en undring eller bekymring.",
        "Beskriv det du har sett, uten å tolke. Spør hvordan foreldrene opplever det, og bli "
        "enige om veien videre. Ved mistanke om vold eller overgrep skal samtalen ikke holdes.",
        None,
        "Alle ansatte",
        PUB,
        None,
    ),
    (
        IND,
        VERKTOY,
        "tegn-og-signaler",
        "Tegn og signaler",
        "Hva du kan legge merke til hos barn og unge i ulike aldre.",
        "Listen er til hjelp når du er usikker. Ett tegn alene betyr sjelden noe; det er "
        "mønsteret og endringen over tid som teller.",
        None,
        "Alle ansatte",
        PUB,
        None,
    ),
    (
        IND,
        VERKTOY,
        "samtykkeskjema",
        "Samtykkeskjema",
        "Skjema for foresattes samtykke til samarbeid mellom navngitte tjenester.",
        "Samtykket gis til tjenester, ikke til personer, og kan trekkes tilbake når som helst.",
        None,
        "Stafettholder",
        PUB,
        None,
    ),
    (
        IND,
        RUTINE,
        "rutine-ved-undring",
        "Rutine når du undrer deg over et barn",
        "Hva du gjør de første dagene: beskriv, drøft, snakk med familien, bestem.",
        "Skriv ned det du ser. Drøft med leder eller en kollega. Ha den nødvendige samtalen. "
        "Innen 14 dager bestemmer du om saken avsluttes eller går videre til nivå 1.",
        None,
        "Alle ansatte",
        PUB,
        None,
    ),
    (
        IND,
        RUTINE,
        "rutine-ved-mistanke-om-vold",
        "Ved mistanke om vold eller overgrep",
        "Ta kontakt med barneverntjenesten eller politiet straks, uten å snakke med foreldrene "
        "først.",
        "Drøft gjerne med leder, men ikke vent. Barneverntjenesten og politiet kan også gi råd "
        "anonymt.",
        None,
        "Alle ansatte",
        PUB,
        None,
    ),
    (
        IND,
        RUTINE,
        "rutine-for-stafettoverforing",
        "Overføring av stafetten",
        "Når en annen tjeneste skal ha hovedansvaret, overføres stafetten i et møte.",
        "Den som gir fra seg stafetten beholder ansvaret til den nye stafettholderen har takket "
        "ja. Slik står barnet aldri uten en ansvarlig.",
        None,
        "Stafettholder",
        PUB,
        None,
    ),
    (
        IND,
        ARENA,
        "ansvarsgruppe",
        "Ansvarsgruppe",
        "Gruppen rundt et barn med sammensatte behov, med foresatte og barnet selv.",
        "Ansvarsgruppen brukes på nivå 3. Koordinatoren kaller inn, og stafettloggen er stedet "
        "for planen, referatene og evalueringene.",
        None,
        "Koordinator",
        PUB,
        {
            "mandate": "Samordne hjelpen til ett barn over tid, sammen med familien.",
            "convened_by": "Koordinator (stafettholder)",
            "frequency": "Etter behov, minst to ganger i halvåret",
            "case_mode": CaseMode.CONSENT,
            "services": [],
        },
    ),
    (
        IND,
        ARENA,
        "samarbeidsmote",
        "Samarbeidsmøte på nivå 2",
        "Møte mellom foresatte og tjenestene som samarbeider om et barn.",
        "Møtet holdes innen to uker etter at en ny tjeneste er koblet inn. Stafettholder leder og "
        "skriver referat i loggen.",
        None,
        "Stafettholder",
        PUB,
        {
            "mandate": "Lage en felles plan og fordele ansvar.",
            "convened_by": "Stafettholder",
            "frequency": "Etter behov",
            "case_mode": CaseMode.CONSENT,
            "services": [],
        },
    ),
    (
        IND,
        DOK,
        "dokumentasjon-i-stafettloggen",
        "Hva som skrives i stafettloggen",
        "Stafettloggen erstatter møtereferater, men ikke tjenestenes egne journaler.",
        "Skriv kort og saklig: mål, tiltak, ansvar, frister og evalueringer. Barnets og "
        "foreldrenes egne synspunkter skrives inn med deres ord.",
        None,
        "Stafettholder",
        STAFF,
        None,
    ),
    (
        IND,
        EVAL,
        "evaluering-av-tiltak",
        "Evaluering av tiltak",
        "Hvert tiltak får en evalueringsdato. Da vurderer dere sammen om det virket.",
        "Evalueringen ender i et valg: avslutte, fortsette, eller gå til et annet nivå.",
        None,
        "Stafettholder",
        PUB,
        None,
    ),
    (
        IND,
        BRUKER,
        "barnets-stemme",
        "Barnets stemme",
        "Barn har rett til å si sin mening i alt som angår dem, og den skal tillegges vekt.",
        "Spør barnet hva det tenker, på en måte som passer alderen. Skriv barnets synspunkter "
        "inn i loggen med barnets egne ord.",
        None,
        "Alle ansatte",
        PUB,
        None,
    ),
    (
        IND,
        BRUKER,
        "foreldresamarbeid",
        "Foreldrene som samarbeidspartnere",
        "Foreldre kjenner barnet best. De er med på å bestemme tiltak og evaluere dem.",
        "Foreldre får alltid vite hva som er skrevet, og kan be om innsyn i alt som er lagret "
        "om barnet, også hvem som har lest det.",
        None,
        "Stafettholder",
        PUB,
        None,
    ),
]

# slug, title (nb, nn, en), summary (nb, nn, en), body (nb, nn, en)
PAGES = [
    (
        "bekymret",
        (
            "Er du bekymret for et barn?",
            "Er du uroa for eit barn?",
            "Are you worried about a child?",
        ),
        (
            "Slik får du hjelp, og dette skjer når du sier fra.",
            "Slik får du hjelp, og dette skjer når du seier frå.",
            "How to get help, and what happens when you speak up.",
        ),
        (
            "## Er du forelder eller foresatt?\n\n"
            "Snakk med noen du stoler på: barnehagen, skolen, helsesykepleieren eller "
            "fastlegen. De kan hjelpe deg å finne ut hva som er riktig hjelp, og de har "
            "taushetsplikt.\n\n"
            "## Er du ung selv?\n\n"
            "Du kan snakke med helsesykepleieren på skolen eller på helsestasjon for ungdom, "
            "uten at foreldrene dine må være med. Du kan også ringe Alarmtelefonen for barn og "
            "unge på 116 111.\n\n"
            "## Er du ansatt?\n\n"
            "Følg handlingsveilederen: beskriv det du ser, drøft med leder eller en kollega, og "
            "ha den nødvendige samtalen med familien. Ved mistanke om vold eller overgrep skal "
            "du kontakte barneverntjenesten eller politiet straks.\n\n"
            "## Hva kommunen gjør\n\n"
            "- Vi snakker med barnet og familien, og blir enige om hva som skal skje.\n"
            "- Vi deler ikke opplysninger med andre tjenester uten samtykke, med mindre loven "
            "krever det.\n"
            "- En person har ansvaret for å holde tråden, og dere vet hvem det er.\n\n"
            "## Dine rettigheter\n\n"
            "Du bestemmer hvilke tjenester som får samarbeide, og kan trekke samtykket tilbake. "
            "Du har rett til å se hva som er skrevet om barnet ditt, og hvem som har lest det. "
            "Barnet har rett til å bli hørt.",
            "## Er du forelder eller føresett?\n\n"
            "Snakk med nokon du stolar på: barnehagen, skulen, helsesjukepleiaren eller "
            "fastlegen. Dei kan hjelpe deg å finne ut kva som er rett hjelp, og dei har "
            "teieplikt.\n\n"
            "## Er du ung sjølv?\n\n"
            "Du kan snakke med helsesjukepleiaren på skulen eller på helsestasjon for ungdom, "
            "utan at foreldra dine må vere med. Du kan òg ringje Alarmtelefonen for barn og "
            "unge på 116 111.\n\n"
            "## Er du tilsett?\n\n"
            "Følg handlingsrettleiaren: skildre det du ser, drøft med leiar eller ein kollega, "
            "og ha den nødvendige samtalen med familien. Ved mistanke om vald eller overgrep "
            "skal du kontakte barnevernstenesta eller politiet straks.\n\n"
            "## Kva kommunen gjer\n\n"
            "- Vi snakkar med barnet og familien, og blir samde om kva som skal skje.\n"
            "- Vi deler ikkje opplysningar med andre tenester utan samtykke, med mindre lova "
            "krev det.\n"
            "- Ein person har ansvaret for å halde tråden, og de veit kven det er.\n\n"
            "## Rettane dine\n\n"
            "Du bestemmer kva tenester som får samarbeide, og kan trekkje samtykket tilbake. "
            "Du har rett til å sjå kva som er skrive om barnet ditt, og kven som har lese det. "
            "Barnet har rett til å bli høyrt.",
            "## Are you a parent or guardian?\n\n"
            "Talk to someone you trust: the kindergarten, the school, the public health nurse "
            "or your GP. They can help you find the right help, and they have a duty of "
            "confidentiality.\n\n"
            "## Are you young yourself?\n\n"
            "You can talk to the public health nurse at school or at the youth health clinic "
            "without your parents. You can also call Alarmtelefonen for barn og unge on "
            "116 111.\n\n"
            "## Are you an employee?\n\n"
            "Follow the action guide: describe what you see, discuss it with your leader or a "
            "colleague, and have the necessary conversation with the family. If you suspect "
            "violence or abuse, contact the child welfare service or the police at once.\n\n"
            "## What the municipality does\n\n"
            "- We talk with the child and the family, and agree on what happens.\n"
            "- We do not share information with other services without consent, unless the "
            "law requires it.\n"
            "- One person is responsible for keeping the thread, and you know who it is.\n\n"
            "## Your rights\n\n"
            "You decide which services may work together, and you can withdraw your consent. "
            "You have the right to see what is written about your child, and who has read it. "
            "The child has the right to be heard.",
        ),
    ),
    (
        "om-bts-og-bti",
        ("Om BTS og BTI", "Om BTS og BTI", "About BTS and BTI"),
        (
            "Bedre tverrfaglig samhandling og bedre tverrfaglig innsats: hva det er og hvorfor.",
            "Betre tverrfagleg samhandling og betre tverrfagleg innsats: kva det er og kvifor.",
            "Better interdisciplinary collaboration and effort: what it is and why.",
        ),
        (
            "BTS står for bedre tverrfaglig samhandling. Det er kommunens samlede modell for å "
            "fange opp barn og unge som trenger hjelp, og gi riktig hjelp til riktig tid, på "
            "tvers av tjenestene.\n\n"
            "BTI står for bedre tverrfaglig innsats. Det er handlingsveilederen ansatte bruker "
            "når de undrer seg over et barn. Den har fire nivåer, fra en undring i egen "
            "tjeneste til utvidet samarbeid mellom mange tjenester.\n\n"
            "Modellen gjelder barn og unge fra svangerskap til 25 år, og er utviklet med "
            "tilskudd fra Barne-, ungdoms- og familiedirektoratet (Bufdir).",
            "",
            "",
        ),
    ),
]
