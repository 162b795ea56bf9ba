"""The demo municipality's glossary (ordliste): the model's own words in plain language.

Tuples: slug, word (nb, nn, en), explanation (nb, nn, en), other forms of the word."""

GLOSSARY = [
    (
        "bts",
        ("BTS", "BTS", "BTS"),
        (
            "Bedre tverrfaglig samhandling. Kommunens modell for hvordan barnehage, skole, "
            "helsestasjon, barnevern, NAV og de andre tjenestene jobber sammen, slik at barn og "
            "unge får riktig hjelp tidlig.",
            "Betre tverrfagleg samhandling. Modellen kommunen har for korleis barnehage, skule, "
            "helsestasjon, barnevern, NAV og dei andre tenestene arbeider saman, slik at barn og "
            "unge får rett hjelp tidleg.",
            "Better interdisciplinary collaboration: the municipality's model for how the "
            "kindergarten, school, health clinic, child welfare, NAV and the other services work "
            "together, so that children and young people get the right help early.",
        ),
        "",
    ),
    (
        "bti",
        ("BTI", "BTI", "BTI"),
        (
            "Bedre tverrfaglig innsats. Veilederen de ansatte følger fra de lurer på noe til "
            "barnet og familien får hjelp. Den har fire nivåer, fra 0 til 3.",
            "Betre tverrfagleg innsats. Rettleiaren dei tilsette følgjer frå dei lurer på noko "
            "til barnet og familien får hjelp. Han har fire nivå, frå 0 til 3.",
            "Better interdisciplinary effort: the guide employees follow from the moment they "
            "wonder about something until the child and the family get help. It has four "
            "levels, from 0 to 3.",
        ),
        "",
    ),
    (
        "undring",
        ("Undring", "Undring", "Wondering (undring)"),
        (
            "Når noen lurer på om et barn har det bra, uten å vite sikkert. En undring er ikke "
            "en konklusjon. Den blir til en bekymring bare hvis det viser seg at det er grunn "
            "til det.",
            "Når nokon lurer på om eit barn har det bra, utan å vite sikkert. Ei undring er "
            "ikkje ein konklusjon. Ho blir til ei uro berre viss det viser seg at det er grunn "
            "til det.",
            "When someone wonders whether a child is all right, without knowing. Wondering is "
            "not a conclusion: it becomes a concern only if it turns out there is reason for it.",
        ),
        "undringen, undringer, undre seg, undrer seg, wonder",
    ),
    (
        "bekymring",
        ("Bekymring", "Uro", "Concern"),
        (
            "Når det er konkret grunn til å tro at et barn trenger hjelp. Da lager tjenesten en "
            "plan sammen med familien.",
            "Når det er konkret grunn til å tru at eit barn treng hjelp. Då lagar tenesta ein "
            "plan saman med familien.",
            "When there is a concrete reason to believe a child needs help. The service then "
            "makes a plan together with the family.",
        ),
        "bekymringen",
    ),
    (
        "den-nodvendige-samtalen",
        ("Den nødvendige samtalen", "Den nødvendige samtalen", "The necessary conversation"),
        (
            "Samtalen der den ansatte forteller barnet og foreldrene hva hun eller han har lagt "
            "merke til, og lytter til hva de tenker. Ved mistanke om vold eller overgrep skal "
            "denne samtalen ikke tas med foreldrene først.",
            "Samtalen der den tilsette fortel barnet og foreldra kva ho eller han har lagt merke "
            "til, og lyttar til kva dei tenkjer. Ved mistanke om vald eller overgrep skal denne "
            "samtalen ikkje takast med foreldra først.",
            "The conversation in which the employee tells the child and the parents what they "
            "have noticed, and listens to what they think. If violence or abuse is suspected, "
            "this conversation is not had with the parents first.",
        ),
        "nødvendige samtalen",
    ),
    (
        "samtykke",
        ("Samtykke", "Samtykke", "Consent"),
        (
            "At du som forelder sier ja til at bestemte tjenester kan snakke sammen og dele "
            "opplysninger om barnet. Du bestemmer hvilke tjenester, og du kan trekke samtykket "
            "tilbake. Fra en viss alder samtykker ungdom selv.",
            "At du som forelder seier ja til at bestemte tenester kan snakke saman og dele "
            "opplysningar om barnet. Du bestemmer kva tenester, og du kan trekkje samtykket "
            "tilbake. Frå ein viss alder samtykkjer ungdom sjølv.",
            "That you as a parent agree that named services may talk together and share "
            "information about the child. You decide which services, and you can withdraw your "
            "consent. From a certain age young people consent themselves.",
        ),
        "samtykket, samtykker",
    ),
    (
        "stafettlogg",
        ("Stafettlogg", "Stafettlogg", "Case log (stafettlogg)"),
        (
            "Et felles, digitalt notat om oppfølgingen av ett barn: hvem som er med, hva dere "
            "har blitt enige om, og når det skal evalueres. Den opprettes bare med samtykke.",
            "Eit felles, digitalt notat om oppfølginga av eitt barn: kven som er med, kva de har "
            "blitt samde om, og når det skal evaluerast. Han blir oppretta berre med samtykke.",
            "A shared, digital record of the follow-up of one child: who takes part, what has "
            "been agreed, and when it will be evaluated. It is opened only with consent.",
        ),
        "stafettloggen, stafettlogger, case log",
    ),
    (
        "stafettholder",
        ("Stafettholder", "Stafetthaldar", "Baton holder (stafettholder)"),
        (
            "Den ansatte som har ansvaret for å holde tråden i oppfølgingen av barnet, ofte "
            "den i barnehagen eller skolen som kjenner barnet best. Stafettholderen kaller inn "
            "til møter og skriver i stafettloggen, og gir stafetten videre når barnet for "
            "eksempel begynner på skolen.",
            "Den tilsette som har ansvaret for å halde tråden i oppfølginga av barnet, ofte "
            "den i barnehagen eller skulen som kjenner barnet best. Stafetthaldaren kallar inn "
            "til møte og skriv i stafettloggen, og gir stafetten vidare når barnet til dømes "
            "byrjar på skulen.",
            "The employee responsible for holding the thread in the child's follow-up, often "
            "the one at the kindergarten or school who knows the child best. They call the "
            "meetings, write the case log, and hand the baton on, for example when the child "
            "starts school.",
        ),
        "stafettholderen, stafettholdere, stafetthaldaren, baton holder",
    ),
    (
        "tiltak",
        ("Tiltak", "Tiltak", "Measure"),
        (
            "Hjelp som settes i gang for barnet eller familien, for eksempel et kurs, en "
            "samtalegruppe, oppfølging av helsesykepleier eller ekstra støtte på skolen.",
            "Hjelp som blir sett i gang for barnet eller familien, til dømes eit kurs, ei "
            "samtalegruppe, oppfølging frå helsesjukepleiar eller ekstra støtte på skulen.",
            "Help started for the child or the family, for example a course, a talk group, "
            "follow-up by the public health nurse or extra support at school.",
        ),
        "tiltaket, tiltakene",
    ),
    (
        "ansvarsgruppe",
        ("Ansvarsgruppe", "Ansvarsgruppe", "Responsibility group (ansvarsgruppe)"),
        (
            "En fast gruppe for et barn som trenger hjelp fra mange tjenester over tid. "
            "Foreldrene, og barnet når det er stort nok, er med, sammen med de tjenestene som "
            "hjelper. Gruppa møtes jevnlig og følger planen.",
            "Ei fast gruppe for eit barn som treng hjelp frå mange tenester over tid. Foreldra, "
            "og barnet når det er stort nok, er med, saman med dei tenestene som hjelper. "
            "Gruppa møtest jamleg og følgjer planen.",
            "A standing group for a child who needs help from many services over time. The "
            "parents, and the child when old enough, take part together with the services that "
            "help. The group meets regularly and follows the plan.",
        ),
        "ansvarsgruppen, ansvarsgruppa, ansvarsgrupper",
    ),
    (
        "individuell-plan",
        ("Individuell plan", "Individuell plan", "Individual plan"),
        (
            "En plan som barn med behov for langvarige og sammensatte tjenester har rett til. "
            "Den viser mål, hvem som gjør hva, og hvem som er koordinator.",
            "Ein plan som barn med behov for langvarige og samansette tenester har rett til. Han "
            "viser mål, kven som gjer kva, og kven som er koordinator.",
            "A plan that children who need long-term help from several services have a right "
            "to. It shows the goals, who does what, and who the coordinator is.",
        ),
        "individuelle planer, individuell plan",
    ),
    (
        "opplysningsplikt",
        ("Opplysningsplikt", "Opplysningsplikt", "Duty to report"),
        (
            "Ansatte i kommunen må si fra til barneverntjenesten når det er grunn til å tro at "
            "et barn blir mishandlet eller alvorlig forsømt. Plikten går foran taushetsplikten.",
            "Tilsette i kommunen må seie frå til barnevernstenesta når det er grunn til å tru at "
            "eit barn blir mishandla eller alvorleg forsømt. Plikta går framfor teieplikta.",
            "Employees of the municipality must tell the child welfare service when there is "
            "reason to believe a child is abused or seriously neglected. This duty comes before "
            "the duty of confidentiality.",
        ),
        "opplysningsplikten, opplysningsplikta, duty to report",
    ),
    (
        "samhandlingsarena",
        ("Samhandlingsarena", "Samhandlingsarena", "Meeting place (samhandlingsarena)"),
        (
            "Et fast møte der ansatte fra flere tjenester drøfter hvordan de kan hjelpe, enten "
            "uten navn eller med samtykke fra familien. Eksempler er tverrfaglig team på "
            "skolen og familieteamet.",
            "Eit fast møte der tilsette frå fleire tenester drøftar korleis dei kan hjelpe, "
            "anten utan namn eller med samtykke frå familien. Døme er tverrfagleg team på "
            "skulen og familieteamet.",
            "A regular meeting where employees from several services discuss how they can help, "
            "either without names or with the family's consent. Examples are the school's "
            "interdisciplinary team and the family team.",
        ),
        "samhandlingsarenaer, samhandlingsarenaene",
    ),
    (
        "barneverntjenesten",
        ("Barneverntjenesten", "Barnevernstenesta", "The child welfare service"),
        (
            "Kommunens tjeneste som gir råd og hjelp til familier, og som tar imot meldinger "
            "når noen er bekymret for hvordan et barn har det hjemme. Du kan ringe for råd uten "
            "å si hvem det gjelder.",
            "Tenesta i kommunen som gir råd og hjelp til familiar, og som tek imot meldingar "
            "når nokon er uroa for korleis eit barn har det heime. Du kan ringje for råd utan å "
            "seie kven det gjeld.",
            "The municipality's service that gives advice and help to families, and receives "
            "reports when someone is worried about how a child is at home. You can call for "
            "advice without saying who it is about.",
        ),
        "barnevernet, barnevernstenesta, child welfare service",
    ),
]
