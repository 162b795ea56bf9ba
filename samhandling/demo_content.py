"""The demo municipality's collaboration model: about forty elements on three levels.

Written for "Eksempel kommune" from the facts in the municipalities' published material; the
text is the project's own. Tuples: (level, type, slug, title, summary, body, owner service
slug or None for the coordinator, responsible role, audience, arena details or None).
"""

# ruff: noqa: E501 - prose

from bts_portal.choices import Audience, CaseMode

from .models import ElementType, Nivaa

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
            "Hva du kan gjøre nå, tegn du kan se etter, og hvem du kan ringe.",
            "Kva du kan gjere no, teikn du kan sjå etter, og kven du kan ringje.",
            "What you can do now, signs to look for, and who you can call.",
        ),
        (
            "## Tegn du kan legge merke til\n\n"
            "Ett tegn alene betyr sjelden at noe er galt. Det er når noe varer over tid, eller "
            "når flere tegn kommer samtidig, at du bør snakke med noen.\n\n"
            "### Små barn (0–5 år)\n\n"
            "- Barnet sover, spiser eller vokser dårlig over tid.\n"
            "- Barnet er svært stille og trekker seg unna, eller er mye urolig og redd.\n"
            "- Språket og leken utvikler seg ikke som hos jevnaldrende.\n"
            "- Barnet blir ofte hentet for sent, eller har ikke klær etter været.\n\n"
            "### Skolebarn (6–12 år)\n\n"
            "- Barnet har vondt i magen eller hodet og vil ikke på skolen.\n"
            "- Barnet er mye alene, blir holdt utenfor eller plaget av andre.\n"
            "- Barnet forandrer seg: blir sint, trist eller stille.\n"
            "- Barnet har skader det ikke vil eller kan forklare.\n\n"
            "### Ungdom (13–18 år)\n\n"
            "- Fravær fra skolen som øker.\n"
            "- Søvnproblemer, angst eller tanker om å skade seg selv.\n"
            "- Rus, eller nye venner som er mye eldre.\n"
            "- Ungdommen vil ikke være hjemme.\n\n"
            "### Unge voksne (18–25 år)\n\n"
            "- Står utenfor skole og arbeid og isolerer seg.\n"
            "- Har ikke penger til mat eller bolig.\n\n"
            "### Hos de voksne rundt barnet\n\n"
            "- Foreldrene strever med rus, psykisk helse, vold eller store bekymringer for "
            "penger.\n"
            "- Barnet må ta ansvar for søsken eller for foreldrene.\n\n"
            "## Når du skal gå rett til barnevernet eller politiet\n\n"
            "Tror du at et barn blir utsatt for vold, overgrep eller alvorlig omsorgssvikt, skal "
            "du ikke vente, og du skal ikke snakke med foreldrene først. Ring politiet på 112 "
            "hvis barnet er i fare nå. Ellers kontakter du barneverntjenesten på dagtid, eller "
            "barnevernvakten om kvelden og i helgene. Du kan ringe for å få råd uten å si hvem "
            "barnet er.\n\n"
            "## For deg som er ung\n\n"
            "Har du det vanskelig hjemme, på skolen eller med deg selv? Det er ikke din feil, og "
            "du har rett til hjelp.\n\n"
            "- Snakk med helsesykepleieren på skolen eller på helsestasjon for ungdom. Du kan "
            "komme uten at foreldrene dine vet om det, og helsesykepleieren har taushetsplikt.\n"
            "- Snakk med kontaktlæreren eller en annen voksen du stoler på.\n"
            "- Ring eller chat med Alarmtelefonen for barn og unge på 116 111. Det er gratis og "
            "åpent hele døgnet.\n"
            "- Er du i fare nå, ring 112.\n\n"
            "Du har rett til å si hva du mener om det som skal skje med deg, og til å bli hørt. "
            "Fra du er 16 år, kan du selv samtykke til at tjenester samarbeider om deg.\n\n"
            "## Hva skjer når du sier fra?\n\n"
            "Når du som forelder eller annen voksen forteller barnehagen, skolen eller "
            "helsestasjonen at du er bekymret, skjer dette:\n\n"
            "1. En ansatt snakker med deg og, når det passer, med barnet.\n"
            "2. Dere blir enige om hva som skal skje, og hvem som holder tråden.\n"
            "3. Trenger barnet hjelp fra flere tjenester, spør vi deg om samtykke først.\n"
            "4. Dere evaluerer sammen om hjelpen virker.\n\n"
            "Du kan også be om at tjenestene lager en felles plan for barnet ditt.",
            "## Teikn du kan leggje merke til\n\n"
            "Eitt teikn åleine tyder sjeldan at noko er gale. Det er når noko varer over tid, "
            "eller når fleire teikn kjem samtidig, at du bør snakke med nokon.\n\n"
            "### Små barn (0–5 år)\n\n"
            "- Barnet søv, et eller veks dårleg over tid.\n"
            "- Barnet er svært stille og trekkjer seg unna, eller er mykje uroleg og redd.\n"
            "- Språket og leiken utviklar seg ikkje som hos jamaldrande.\n"
            "- Barnet blir ofte henta for seint, eller har ikkje klede etter vêret.\n\n"
            "### Skulebarn (6–12 år)\n\n"
            "- Barnet har vondt i magen eller hovudet og vil ikkje på skulen.\n"
            "- Barnet er mykje åleine, blir halde utanfor eller plaga av andre.\n"
            "- Barnet endrar seg: blir sint, trist eller stille.\n"
            "- Barnet har skadar det ikkje vil eller kan forklare.\n\n"
            "### Ungdom (13–18 år)\n\n"
            "- Fråvær frå skulen som aukar.\n"
            "- Søvnproblem, angst eller tankar om å skade seg sjølv.\n"
            "- Rus, eller nye vener som er mykje eldre.\n"
            "- Ungdommen vil ikkje vere heime.\n\n"
            "### Unge vaksne (18–25 år)\n\n"
            "- Står utanfor skule og arbeid og isolerer seg.\n"
            "- Har ikkje pengar til mat eller bustad.\n\n"
            "### Hos dei vaksne rundt barnet\n\n"
            "- Foreldra strevar med rus, psykisk helse, vald eller store bekymringar for "
            "pengar.\n"
            "- Barnet må ta ansvar for sysken eller for foreldra.\n\n"
            "## Når du skal gå rett til barnevernet eller politiet\n\n"
            "Trur du at eit barn blir utsett for vald, overgrep eller alvorleg omsorgssvikt, "
            "skal du ikkje vente, og du skal ikkje snakke med foreldra først. Ring politiet på "
            "112 viss barnet er i fare no. Elles kontaktar du barnevernstenesta på dagtid, eller "
            "barnevernvakta om kvelden og i helgene. Du kan ringje for å få råd utan å seie kven "
            "barnet er.\n\n"
            "## For deg som er ung\n\n"
            "Har du det vanskeleg heime, på skulen eller med deg sjølv? Det er ikkje di skuld, "
            "og du har rett til hjelp.\n\n"
            "- Snakk med helsesjukepleiaren på skulen eller på helsestasjon for ungdom. Du kan "
            "kome utan at foreldra dine veit om det, og helsesjukepleiaren har teieplikt.\n"
            "- Snakk med kontaktlæraren eller ein annan vaksen du stolar på.\n"
            "- Ring eller chat med Alarmtelefonen for barn og unge på 116 111. Det er gratis og "
            "ope heile døgnet.\n"
            "- Er du i fare no, ring 112.\n\n"
            "Du har rett til å seie kva du meiner om det som skal skje med deg, og til å bli "
            "høyrd. Frå du er 16 år, kan du sjølv samtykkje til at tenester samarbeider om "
            "deg.\n\n"
            "## Kva skjer når du seier frå?\n\n"
            "Når du som forelder eller annan vaksen fortel barnehagen, skulen eller "
            "helsestasjonen at du er uroa, skjer dette:\n\n"
            "1. Ein tilsett snakkar med deg og, når det passar, med barnet.\n"
            "2. De blir samde om kva som skal skje, og kven som held tråden.\n"
            "3. Treng barnet hjelp frå fleire tenester, spør vi deg om samtykke først.\n"
            "4. De evaluerer saman om hjelpa verkar.\n\n"
            "Du kan òg be om at tenestene lagar ein felles plan for barnet ditt.",
            "## Signs you may notice\n\n"
            "One sign alone rarely means something is wrong. When something lasts, or several "
            "signs come together, talk to someone.\n\n"
            "### Young children (0–5)\n\n"
            "- The child sleeps, eats or grows poorly over time.\n"
            "- The child is very quiet and withdrawn, or often restless and afraid.\n"
            "- Language and play do not develop as in other children of the same age.\n"
            "- The child is often collected late, or lacks clothes for the weather.\n\n"
            "### School children (6–12)\n\n"
            "- The child has stomach aches or headaches and will not go to school.\n"
            "- The child is often alone, left out or bullied.\n"
            "- The child changes: becomes angry, sad or quiet.\n"
            "- The child has injuries they will not or cannot explain.\n\n"
            "### Young people (13–18)\n\n"
            "- Growing absence from school.\n"
            "- Sleep problems, anxiety or thoughts of self-harm.\n"
            "- Drugs or alcohol, or new friends who are much older.\n"
            "- The young person does not want to be at home.\n\n"
            "### Young adults (18–25)\n\n"
            "- Outside school and work, and isolating themselves.\n"
            "- No money for food or housing.\n\n"
            "### In the adults around the child\n\n"
            "- The parents struggle with drugs or alcohol, mental health, violence or serious "
            "money worries.\n"
            "- The child has to take care of siblings or of the parents.\n\n"
            "## When to go straight to child welfare or the police\n\n"
            "If you believe a child is exposed to violence, abuse or serious neglect, do not "
            "wait, and do not talk to the parents first. Call the police on 112 if the child is "
            "in danger now. Otherwise contact the child welfare service in the daytime, or the "
            "child welfare emergency service in the evening and at weekends. You can call for "
            "advice without saying who the child is.\n\n"
            "## For you who are young\n\n"
            "Is life hard at home, at school or inside yourself? It is not your fault, and you "
            "have a right to help.\n\n"
            "- Talk to the public health nurse at school or at the youth health clinic. You can "
            "go without your parents knowing, and the nurse has a duty of confidentiality.\n"
            "- Talk to your contact teacher or another adult you trust.\n"
            "- Call or chat with Alarmtelefonen for barn og unge on 116 111. It is free and open "
            "day and night.\n"
            "- If you are in danger now, call 112.\n\n"
            "You have the right to say what you think about what will happen to you, and to be "
            "heard. From 16 you can consent yourself to services working together for you.\n\n"
            "## What happens when you speak up?\n\n"
            "When you as a parent or another adult tell the kindergarten, the school or the "
            "health clinic that you are worried:\n\n"
            "1. An employee talks with you and, when it fits, with the child.\n"
            "2. You agree on what happens, and who holds the thread.\n"
            "3. If the child needs help from several services, we ask for your consent first.\n"
            "4. You evaluate together whether the help works.\n\n"
            "You can also ask the services to make a shared plan for your child.",
        ),
    ),
    (
        "samtykke-og-rettigheter",
        (
            "Samtykke og rettighetene dine",
            "Samtykke og rettane dine",
            "Consent and your rights",
        ),
        (
            "Du bestemmer hvilke tjenester som får samarbeide om barnet ditt, og du har rett til "
            "å se hva som er skrevet.",
            "Du bestemmer kva tenester som får samarbeide om barnet ditt, og du har rett til å "
            "sjå kva som er skrive.",
            "You decide which services may work together for your child, and you have the right "
            "to see what is written.",
        ),
        (
            "## Samtykke\n\n"
            "Tjenestene har taushetsplikt. Skal barnehagen, skolen, helsestasjonen eller andre "
            "snakke sammen om barnet ditt, må du som forelder samtykke først. Du samtykker til "
            "en tjeneste, ikke til en bestemt person, og du bestemmer hvilke tjenester som kan "
            "være med. Du kan si nei, og du kan når som helst trekke samtykket tilbake.\n\n"
            "Fra 16 år samtykker ungdom selv. Yngre barn skal få si hva de mener, og det skal "
            "legges mer vekt på meningen deres jo eldre de er.\n\n"
            "## Innsyn\n\n"
            "Du har rett til å se alt som er skrevet om barnet ditt i stafettloggen, og hvem som "
            "har lest det. Spør stafettholderen, så får du en utskrift.\n\n"
            "## Å være med og bestemme\n\n"
            "Du og barnet er med når planen lages og når den evalueres. Du kan be om at "
            "tjenestene lager en felles plan, og at det opprettes en ansvarsgruppe når barnet "
            "trenger hjelp fra mange over tid.\n\n"
            "## Når loven krever at vi sier fra\n\n"
            "Er det grunn til å tro at et barn blir mishandlet eller alvorlig forsømt, skal "
            "ansatte si fra til barneverntjenesten, også uten samtykke.",
            "## Samtykke\n\n"
            "Tenestene har teieplikt. Skal barnehagen, skulen, helsestasjonen eller andre "
            "snakke saman om barnet ditt, må du som forelder samtykkje først. Du samtykkjer til "
            "ei teneste, ikkje til ein bestemt person, og du bestemmer kva tenester som kan vere "
            "med. Du kan seie nei, og du kan når som helst trekkje samtykket tilbake.\n\n"
            "Frå 16 år samtykkjer ungdom sjølv. Yngre barn skal få seie kva dei meiner, og det "
            "skal leggjast meir vekt på meininga deira di eldre dei er.\n\n"
            "## Innsyn\n\n"
            "Du har rett til å sjå alt som er skrive om barnet ditt i stafettloggen, og kven som "
            "har lese det. Spør stafetthaldaren, så får du ei utskrift.\n\n"
            "## Å vere med og bestemme\n\n"
            "Du og barnet er med når planen blir laga og når han blir evaluert. Du kan be om at "
            "tenestene lagar ein felles plan, og at det blir oppretta ei ansvarsgruppe når "
            "barnet treng hjelp frå mange over tid.\n\n"
            "## Når lova krev at vi seier frå\n\n"
            "Er det grunn til å tru at eit barn blir mishandla eller alvorleg forsømt, skal "
            "tilsette seie frå til barnevernstenesta, også utan samtykke.",
            "## Consent\n\n"
            "The services have a duty of confidentiality. Before the kindergarten, the school, "
            "the health clinic or others talk together about your child, you as a parent must "
            "consent. You consent to a service, not to a named person, and you decide which "
            "services take part. You can say no, and you can withdraw your consent at any "
            "time.\n\n"
            "From 16, young people consent themselves. Younger children are asked what they "
            "think, and their views count more the older they are.\n\n"
            "## Insight\n\n"
            "You have the right to see everything written about your child in the case log, and "
            "who has read it. Ask the baton holder for a print-out.\n\n"
            "## Taking part in decisions\n\n"
            "You and your child take part when the plan is made and when it is evaluated. You "
            "can ask the services to make a shared plan, and for a responsibility group when "
            "your child needs help from many services over time.\n\n"
            "## When the law requires us to report\n\n"
            "If there is reason to believe a child is abused or seriously neglected, employees "
            "must tell the child welfare service, also without consent.",
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
            "BTS står for betre tverrfagleg samhandling. Det er den samla modellen kommunen har "
            "for å fange opp barn og unge som treng hjelp, og gi rett hjelp til rett tid, på "
            "tvers av tenestene.\n\n"
            "BTI står for betre tverrfagleg innsats. Det er handlingsrettleiaren dei tilsette "
            "bruker når dei undrar seg over eit barn. Han har fire nivå, frå ei undring i eiga "
            "teneste til utvida samarbeid mellom mange tenester.\n\n"
            "Modellen gjeld barn og unge frå svangerskapet til dei er 25 år, og er utvikla med "
            "tilskot frå Barne-, ungdoms- og familiedirektoratet (Bufdir).",
            "BTS stands for bedre tverrfaglig samhandling, better interdisciplinary "
            "collaboration. It is the municipality's whole model for noticing children and "
            "young people who need help, and giving the right help at the right time, across "
            "the services.\n\n"
            "BTI stands for bedre tverrfaglig innsats, better interdisciplinary effort. It is "
            "the action guide employees use when they wonder about a child. It has four "
            "levels, from wondering within one service to extended collaboration between many "
            "services.\n\n"
            "The model covers children and young people from pregnancy up to the age of 25, "
            "and was developed with a grant from the Norwegian Directorate for Children, Youth "
            "and Family Affairs (Bufdir).",
        ),
    ),
]
