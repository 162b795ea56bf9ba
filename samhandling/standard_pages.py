"""Pages every public site links from its footer: the accessibility statement (required for
Norwegian public websites, in the form uustatus.no publishes) and the privacy page.

The first migration of these pages creates them from this text if they do not exist, so that
the footer never links to a missing page; the coordinator then edits them like any page.
Tuples as in ``demo_content.PAGES``: slug, titles, summaries, bodies (nb, nn, en).
"""

ACCESSIBILITY = (
    "tilgjengelighetserklaering",
    (
        "Tilgjengelighetserklæring",
        "Tilgjengeerklæring",
        "Accessibility statement",
    ),
    (
        "Hvordan nettstedet oppfyller kravene til universell utforming, hva som ikke er på "
        "plass ennå, og hvordan du sier fra.",
        "Korleis nettstaden oppfyller krava til universell utforming, kva som ikkje er på plass "
        "enno, og korleis du seier frå.",
        "How the website meets the requirements for universal design, what is not in place "
        "yet, and how to tell us.",
    ),
    (
        "## Virksomhet og nettsted\n\n"
        "Kommunen er ansvarlig for dette nettstedet om samarbeidet for barn og unge (BTS og "
        "BTI), med den åpne delen for innbyggere og innloggingen for ansatte.\n\n"
        "## Status\n\n"
        "Nettstedet skal oppfylle kravene i forskrift om universell utforming av IKT-løsninger, "
        "som viser til WCAG 2.1 nivå A og AA. Vi mener nettstedet oppfyller kravene, med "
        "unntakene nedenfor.\n\n"
        "## Det som ikke er på plass\n\n"
        "- Vedlegg som PDF- eller Word-filer er lastet opp av tjenestene og er ikke alltid "
        "tilgjengelige (WCAG 1.3.1 og 2.4.2). Ta kontakt, så får du innholdet i en annen form.\n"
        "- Noen tekster finnes bare på bokmål. De er merket som bokmål, slik at skjermlesere "
        "leser dem riktig (WCAG 3.1.2).\n\n"
        "## Slik har vi testet\n\n"
        "Vi tester hver side automatisk med axe-core, og i nettleser ved 320 piksler bredde, "
        "med tastatur og med skjermleser. Vi sjekker at alle skjemafelt har navn, at fokus er "
        "godt synlig, at hver side har sin egen tittel, og at skjemaer med feil viser en "
        "oversikt over feilene.\n\n"
        "## Gi tilbakemelding\n\n"
        "Finner du noe som ikke virker for deg, vil vi gjerne vite det. Skriv til "
        "postmottak@eksempel.kommune.no eller ring sentralbordet. Fortell hvilken side det "
        "gjelder og hva som ikke virket. Vi svarer innen 14 dager.\n\n"
        "## Klage\n\n"
        "Er du ikke fornøyd med svaret, kan du klage til Tilsynet for universell utforming av "
        "IKT (uutilsynet.no). Erklæringen er også publisert i uustatus.no, der tilsynet samler "
        "erklæringene for alle offentlige nettsteder.\n\n"
        "## Dato\n\n"
        "Erklæringen ble sist gjennomgått samme dag som står nederst på siden.",
        "## Verksemd og nettstad\n\n"
        "Kommunen er ansvarleg for denne nettstaden om samarbeidet for barn og unge (BTS og "
        "BTI), med den opne delen for innbyggjarar og innlogginga for tilsette.\n\n"
        "## Status\n\n"
        "Nettstaden skal oppfylle krava i forskrift om universell utforming av IKT-løysingar, "
        "som viser til WCAG 2.1 nivå A og AA. Vi meiner nettstaden oppfyller krava, med "
        "unntaka nedanfor.\n\n"
        "## Det som ikkje er på plass\n\n"
        "- Vedlegg som PDF- eller Word-filer er lasta opp av tenestene og er ikkje alltid "
        "tilgjengelege (WCAG 1.3.1 og 2.4.2). Ta kontakt, så får du innhaldet i ei anna form.\n"
        "- Nokre tekstar finst berre på bokmål. Dei er merkte som bokmål, slik at skjermlesarar "
        "les dei rett (WCAG 3.1.2).\n\n"
        "## Slik har vi testa\n\n"
        "Vi testar kvar side automatisk med axe-core, og i nettlesar ved 320 pikslar breidd, "
        "med tastatur og med skjermlesar. Vi sjekkar at alle skjemafelt har namn, at fokus er "
        "godt synleg, at kvar side har sin eigen tittel, og at skjema med feil viser ei "
        "oversikt over feila.\n\n"
        "## Gi tilbakemelding\n\n"
        "Finn du noko som ikkje verkar for deg, vil vi gjerne vite det. Skriv til "
        "postmottak@eksempel.kommune.no eller ring sentralbordet. Fortel kva side det gjeld og "
        "kva som ikkje verka. Vi svarer innan 14 dagar.\n\n"
        "## Klage\n\n"
        "Er du ikkje nøgd med svaret, kan du klage til Tilsynet for universell utforming av IKT "
        "(uutilsynet.no). Erklæringa er òg publisert i uustatus.no, der tilsynet samlar "
        "erklæringane for alle offentlege nettstader.\n\n"
        "## Dato\n\n"
        "Erklæringa vart sist gått gjennom same dag som står nedst på sida.",
        "## Organisation and website\n\n"
        "The municipality is responsible for this website about the collaboration for children "
        "and young people (BTS and BTI), with the open part for residents and the login for "
        "employees.\n\n"
        "## Status\n\n"
        "The website must meet the Norwegian regulations on universal design of ICT, which "
        "refer to WCAG 2.1 levels A and AA. We believe the website meets them, with the "
        "exceptions below.\n\n"
        "## What is not in place\n\n"
        "- Attachments in PDF or Word are uploaded by the services and are not always "
        "accessible (WCAG 1.3.1 and 2.4.2). Contact us and you get the content in another "
        "form.\n"
        "- Some texts exist only in Norwegian Bokmål. They are marked as Bokmål so that screen "
        "readers read them correctly (WCAG 3.1.2).\n\n"
        "## How we have tested\n\n"
        "We test every page automatically with axe-core, and in a browser at 320 pixels wide, "
        "with the keyboard and with a screen reader. We check that every form field has a "
        "name, that focus is clearly visible, that every page has its own title, and that "
        "forms with errors list them at the top.\n\n"
        "## Give feedback\n\n"
        "If something does not work for you, we want to know. Write to "
        "postmottak@eksempel.kommune.no or call the switchboard. Tell us which page and what "
        "did not work. We answer within 14 days.\n\n"
        "## Complaints\n\n"
        "If you are not satisfied with the answer, you can complain to the Authority for "
        "Universal Design of ICT (uutilsynet.no). The statement is also published in "
        "uustatus.no, where the authority collects the statements of all public websites.\n\n"
        "## Date\n\n"
        "The statement was last reviewed on the date shown at the bottom of the page.",
    ),
)

PRIVACY = (
    "personvern",
    ("Personvern", "Personvern", "Privacy"),
    (
        "Hvilke opplysninger nettstedet behandler, hvorfor, og hvilke rettigheter du har.",
        "Kva opplysningar nettstaden behandlar, kvifor, og kva rettar du har.",
        "What information the website processes, why, and what your rights are.",
    ),
    (
        "## Når du leser på nettstedet\n\n"
        "Den åpne delen av nettstedet krever ingen innlogging. Vi bruker ingen "
        "analyseverktøy, ingen annonser og ingen informasjonskapsler (cookies) fra andre. "
        "Nettstedet lagrer én informasjonskapsel hvis du velger språk, og serveren fører en "
        "teknisk logg over forespørsler for å holde tjenesten sikker. Loggen slettes etter "
        "kort tid.\n\n"
        "Det du svarer i «Hvor bekymret er du?», og det du søker etter, blir ikke lagret "
        "sammen med noe som kan knyttes til deg.\n\n"
        "## Når en tjeneste hjelper barnet ditt\n\n"
        "Når ansatte følger opp et barn sammen med familien, skrives det i en stafettlogg. "
        "Den opprettes bare når foresatte har samtykket, og bare de tjenestene dere har "
        "samtykket til, kan delta. Hver gang noen leser eller skriver i loggen, blir det "
        "registrert hvem og når.\n\n"
        "## Dine rettigheter\n\n"
        "- Du kan be om innsyn i hva som er lagret om barnet ditt, og hvem som har lest det.\n"
        "- Du kan be om retting av feil.\n"
        "- Du kan trekke tilbake samtykket. Da stenges loggen for videre samarbeid.\n"
        "- Avsluttede logger slettes etter den tiden kommunen har bestemt.\n\n"
        "## Behandlingsansvarlig og personvernombud\n\n"
        "Kommunen er behandlingsansvarlig. Du kan kontakte kommunens personvernombud via "
        "postmottak@eksempel.kommune.no. Du kan også klage til Datatilsynet.",
        "## Når du les på nettstaden\n\n"
        "Den opne delen av nettstaden krev inga innlogging. Vi bruker ingen analyseverktøy, "
        "ingen annonsar og ingen informasjonskapslar (cookies) frå andre. Nettstaden lagrar "
        "éin informasjonskapsel viss du vel språk, og serveren fører ein teknisk logg over "
        "førespurnader for å halde tenesta sikker. Loggen blir sletta etter kort tid.\n\n"
        "Det du svarer i «Kor uroa er du?», og det du søkjer etter, blir ikkje lagra saman med "
        "noko som kan knytast til deg.\n\n"
        "## Når ei teneste hjelper barnet ditt\n\n"
        "Når tilsette følgjer opp eit barn saman med familien, blir det skrive i ein "
        "stafettlogg. Han blir oppretta berre når føresette har samtykt, og berre dei "
        "tenestene de har samtykt til, kan delta. Kvar gong nokon les eller skriv i loggen, "
        "blir det registrert kven og når.\n\n"
        "## Rettane dine\n\n"
        "- Du kan be om innsyn i kva som er lagra om barnet ditt, og kven som har lese det.\n"
        "- Du kan be om retting av feil.\n"
        "- Du kan trekkje tilbake samtykket. Då blir loggen stengd for vidare samarbeid.\n"
        "- Avslutta loggar blir sletta etter den tida kommunen har bestemt.\n\n"
        "## Behandlingsansvarleg og personvernombod\n\n"
        "Kommunen er behandlingsansvarleg. Du kan kontakte personvernombodet i kommunen via "
        "postmottak@eksempel.kommune.no. Du kan òg klage til Datatilsynet.",
        "## When you read the website\n\n"
        "The open part of the website needs no login. We use no analytics, no advertising and "
        "no cookies from others. The website stores one cookie if you choose a language, and "
        "the server keeps a technical log of requests to keep the service secure. The log is "
        "deleted after a short time.\n\n"
        "What you answer in “How worried are you?”, and what you search for, is not stored "
        "with anything that can be linked to you.\n\n"
        "## When a service helps your child\n\n"
        "When employees follow up a child together with the family, they write in a case log "
        "(stafettlogg). It is opened only when the guardians have consented, and only the "
        "services you have consented to can take part. Every time someone reads or writes in "
        "the log, who and when is recorded.\n\n"
        "## Your rights\n\n"
        "- You can ask to see what is stored about your child, and who has read it.\n"
        "- You can ask for errors to be corrected.\n"
        "- You can withdraw your consent. The log is then closed to further collaboration.\n"
        "- Closed logs are deleted after the time the municipality has set.\n\n"
        "## Controller and data protection officer\n\n"
        "The municipality is the controller. You can contact the municipality's data "
        "protection officer through postmottak@eksempel.kommune.no. You can also complain to "
        "the Norwegian Data Protection Authority (Datatilsynet).",
    ),
)

STANDARD_PAGES = [ACCESSIBILITY, PRIVACY]
