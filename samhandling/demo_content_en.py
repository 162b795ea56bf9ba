"""The demo collaboration model in English, written from ``demo_content.ELEMENTS``. Keyed by
the element's slug; ``mandate`` only for the arenas. Norwegian names people will meet (BTS,
BTI, FAU, PPT) are kept, glossed where they first appear in a text."""

# ruff: noqa: E501 - prose

ELEMENTS = {
    "kommuneplanens-samfunnsdel": {
        "title": "The municipal master plan: community section",
        "summary": "The municipality's overall goal: every child and young person should grow up safe and get help early.",
        "body": "The community section states that early intervention and collaboration across services are a shared responsibility for the whole municipality. The BTS model is how the municipality follows up this goal.\n\nThe plan is revised every four years, and the municipal council receives the annual BTS report as a basis.",
    },
    "plan-for-forebyggende-arbeid": {
        "title": "Plan for preventive work with children and young people",
        "summary": "The child welfare reform gives the municipality more responsibility for prevention. The plan shows how.",
        "body": "The plan describes which services are responsible for what in the preventive work, how they work together, and how the municipality keeps track of children's living conditions.\n\n- goals and priority areas for the period\n- responsibilities shared among the services\n- how the plan is evaluated every year",
    },
    "folkehelseoversikt": {
        "title": "Overview of public health",
        "summary": "What we know about the health and living conditions of children and young people, among other things from the Ungdata youth survey.",
        "body": "The overview is updated every four years and is used when the municipality decides which measures for children and young people come first. The public health coordinator is responsible.",
    },
    "lovverk-og-foringer": {
        "title": "Laws and national guidelines",
        "summary": "The laws that govern collaboration about children: confidentiality, the duty to report, consent and the duty to collaborate.",
        "body": "The collaboration rests on, among others, the Child Welfare Act, the Education Act, the Kindergarten Act, the Health and Care Services Act and the Public Administration Act. Since 2022 the services have had a statutory duty to work together for children who need several services at once.\n\nThe duty to report to child welfare always comes before confidentiality.",
    },
    "styringsgruppe-bts": {
        "title": "BTS steering group",
        "summary": "Leaders from all sectors, responsible for the model and its priorities.",
        "body": "The steering group owns the BTS model on behalf of the chief municipal executive, decides changes to the model and considers the annual report before it goes to the municipal council.",
        "mandate": "To own and prioritise the work with BTS and BTI, and to make sure the model is rooted in every service.",
    },
    "ressursgruppe-bts": {
        "title": "BTS and BTI resource group",
        "summary": "Professionals from the services who help the coordinator run and develop the models.",
        "body": "The resource group keeps track of how the models are used, suggests improvements and plans training. The group meets regularly and reports to the steering group.",
        "mandate": "To follow up the day-to-day BTS work, and to evaluate and develop the models further.",
    },
    "ungdomsradet": {
        "title": "The Youth Council",
        "summary": "Young people's own voice in the municipality. The council gives its views on matters that concern children and young people.",
        "body": "The Youth Council has a permanent seat in the BTS steering group and is heard before the model is changed.",
        "mandate": "To give children and young people a say in matters that concern them.",
    },
    "arsrapport-bts": {
        "title": "Annual BTS report",
        "summary": "Every year the BTS coordinator reports to the chief municipal executive and the municipal council.",
        "body": "The report shows the indicators of whether the model works: how many concerns and case logs have been registered, how cases have moved between the levels, and whether evaluations and reviews were done on time. No single child can be recognised.",
    },
    "arshjul-for-revisjon": {
        "title": "Annual cycle of evaluation and revision",
        "summary": "A fixed plan for when the model, the guide and the catalogue of measures are reviewed.",
        "body": "Every element of the model has a date for its next review. The owner gets a reminder a month before, and the coordinator follows up what has not been reviewed.",
    },
    "brukerpanel-ungdom": {
        "title": "Youth user panel",
        "summary": "Young people with experience of the services give advice on how the help can get better.",
        "body": "The panel meets twice a year and, among other things, reads the public pages about BTI to see whether young people can understand them.",
    },
    "rutine-for-oppfolging-av-modellen": {
        "title": "Routine for keeping the model rooted",
        "summary": "How the model is kept alive: responsibility, training and reporting.",
        "body": "Every leader is responsible for making sure employees know the model and the action guide. The coordinator collects a status from the services every autumn.",
    },
    "bts-portalen": {
        "title": "The BTS portal",
        "summary": "This portal: the model, the action guide, the catalogue of measures and the case log.",
        "body": "The portal brings together what used to be spread over different documents and systems. The content of the public pages is for everyone; the case log is only for employees who take part in a case.",
    },
    "forebyggende-forum": {
        "title": "Prevention forum",
        "summary": "An interdisciplinary meeting where kindergartens and schools can discuss something they wonder about, anonymously or with consent.",
        "body": "Here the kindergarten or school meets the public health nurse, PPT (the educational and psychological counselling service) and the child welfare service. The matter is discussed without names, or with names when the guardians have consented.",
        "mandate": "To give advice early, before wondering turns into serious concern.",
    },
    "tverrfaglig-team-skole": {
        "title": "Interdisciplinary team at the schools",
        "summary": "The school's regular meeting with the public health nurse, PPT and child welfare about pupils there is concern for.",
        "body": "The team meets at every school. The head teacher calls the meetings. Pupils are discussed with consent, or anonymously if the guardians have not yet been asked.",
        "mandate": "To find the right measures for pupils who need more than the school alone can give.",
    },
    "bti-nettverk": {
        "title": "The BTI network",
        "summary": "The BTI contacts from all services meet to share experience and learn from each other.",
        "body": "The network is a professional forum, not a place to discuss individual cases. The coordinator leads it.",
        "mandate": "To strengthen the BTI contacts as resource persons in their own service.",
    },
    "ledermote-oppvekst-og-helse": {
        "title": "Leaders' meeting for childhood and health",
        "summary": "Leaders of the services for children and young people coordinate the collaboration and follow up deviations.",
        "body": "The meeting takes up shared challenges, such as waiting times, and makes sure the services do not work each on their own.",
        "mandate": "To coordinate the services and remove obstacles to collaboration.",
    },
    "rutine-lokal-administrator": {
        "title": "Routine for the local administrator of case logs",
        "summary": "Who in the service can change the baton holder when an employee leaves or is away.",
        "body": "Every service has a local administrator. The administrator sees the list of cases but not their content, and makes sure no log is left without a baton holder.",
    },
    "rutine-for-samarbeid-barnehage-skole": {
        "title": "Moving from kindergarten to school",
        "summary": "How the kindergarten and the school work together when a child with a case log starts school.",
        "body": "With the guardians' consent, the baton passes from the kindergarten to the contact teacher. The handover meeting is held before the summer.",
    },
    "rutine-for-bekymringsmelding": {
        "title": "Routine for reporting to the child welfare service",
        "summary": "How the services send a report of concern, and who is told what.",
        "body": "The report is sent by the person who is concerned, preferably together with their leader. The child welfare service confirms that it has received the report.",
    },
    "tiltaksoversikten": {
        "title": "The catalogue of services and measures",
        "summary": "One overview of the offers and measures for children, young people and families in the municipality.",
        "body": "The services keep the catalogue up to date themselves, and it can be searched by age and theme.",
    },
    "samarbeidsavtale-helsestasjon-barnehage": {
        "title": "Collaboration agreement between the health clinic and the kindergartens",
        "summary": "An agreement on regular meetings and shared routines for children aged 0–6.",
        "body": "The public health nurse visits every kindergarten twice a year and is available to discuss concerns.",
    },
    "internkontroll-bts": {
        "title": "Internal control in the services",
        "summary": "Every service documents how it follows up BTS and BTI.",
        "body": "The leader has written routines for training, for the local administrator and for how the service evaluates its own measures.",
    },
    "evaluering-av-samhandlingsarenaer": {
        "title": "Evaluation of the meeting places",
        "summary": "Every year the participants consider whether the meetings work as they should.",
        "body": "A short survey goes to everyone who takes part in the prevention forum and the interdisciplinary teams. The results are included in the annual report.",
    },
    "fau-og-su": {
        "title": "The parents' voice: FAU and the coordinating committees",
        "summary": "The parents' committees at the schools (FAU) and the coordinating committees at the kindergartens (SU) are informed about BTI.",
        "body": "The kindergarten informs its SU, and the school informs its FAU, at least once a year about how BTI is used and what parents can expect.",
    },
    "brukerundersokelser": {
        "title": "User surveys in the services",
        "summary": "The services ask children, young people and parents how they experience the help.",
        "body": "The results are used in the services' own evaluation and in the annual report.",
    },
    "kompetanseplan-bti": {
        "title": "BTI training plan",
        "summary": "Every new employee is trained in BTI, and every employee gets a yearly refresher.",
        "body": "The training takes place in each service, with a shared training video and work on example cases. Leaders get their own training in the case log.",
    },
    "handlingsveilederen": {
        "title": "The action guide (BTI)",
        "summary": "The way from wondering to action, step by step, at levels 0 to 3.",
        "body": "The guide tells you what to do, who is responsible and what to document, from the first time you wonder to interdisciplinary collaboration.",
    },
    "stafettloggen": {
        "title": "The case log (stafettlogg)",
        "summary": "The digital log of the collaboration around one child, once the guardians have consented.",
        "body": "The log shows goals, measures, who is responsible and when the measures will be evaluated. Only those who take part in the case can read it, and everything that is read is logged.",
    },
    "samtalen-med-barnet": {
        "title": "Talking with the child",
        "summary": "Advice and exercises for talking with children about difficult things.",
        "body": "Ask open questions, listen more than you talk, and tell the child what will happen next.",
    },
    "den-nodvendige-samtalen": {
        "title": "The necessary conversation with parents",
        "summary": "How to prepare a conversation with parents about something you wonder about or are concerned about.",
        "body": "Describe what you have seen, without interpreting it. Ask how the parents see it, and agree on the way forward. If you suspect violence or abuse, this conversation must not be held.",
    },
    "tegn-og-signaler": {
        "title": "Signs to look for",
        "summary": "What you may notice in children and young people of different ages.",
        "body": "The list helps when you are unsure. One sign on its own rarely means anything; what counts is the pattern and the change over time.",
    },
    "samtykkeskjema": {
        "title": "Consent form",
        "summary": "A form for the guardians' consent to collaboration between named services.",
        "body": "Consent is given to services, not to persons, and can be withdrawn at any time.",
    },
    "rutine-ved-undring": {
        "title": "Routine when you wonder about a child",
        "summary": "What you do in the first days: describe, discuss, talk with the family, decide.",
        "body": "Write down what you see. Discuss it with your leader or a colleague. Have the necessary conversation. Within 14 days you decide whether the matter is closed or goes on to level 1.",
    },
    "rutine-ved-mistanke-om-vold": {
        "title": "If you suspect violence or abuse",
        "summary": "Contact the child welfare service or the police at once, without talking to the parents first.",
        "body": "Feel free to talk to your leader, but do not wait. The child welfare service and the police can also give advice anonymously.",
    },
    "rutine-for-stafettoverforing": {
        "title": "Handing over the baton",
        "summary": "When another service is to take the main responsibility, the baton is handed over in a meeting.",
        "body": "The person who hands over the baton stays responsible until the new baton holder has accepted it. That way the child is never left without someone responsible.",
    },
    "ansvarsgruppe": {
        "title": "Responsibility group (ansvarsgruppe)",
        "summary": "The group around a child with complex needs, with the guardians and the child.",
        "body": "The responsibility group is used at level 3. The coordinator calls the meetings, and the case log is where the plan, the minutes and the evaluations are kept.",
        "mandate": "To coordinate the help for one child over time, together with the family.",
    },
    "samarbeidsmote": {
        "title": "Collaboration meeting at level 2",
        "summary": "A meeting between the guardians and the services working together for a child.",
        "body": "The meeting is held within two weeks after a new service has joined. The baton holder leads it and writes the minutes in the log.",
        "mandate": "To make a shared plan and share out the responsibilities.",
    },
    "dokumentasjon-i-stafettloggen": {
        "title": "What is written in the case log",
        "summary": "The case log replaces meeting minutes, but not each service's own records.",
        "body": "Write briefly and factually: goals, measures, responsibilities, deadlines and evaluations. The child's and the parents' own views are written down in their own words.",
    },
    "evaluering-av-tiltak": {
        "title": "Evaluating measures",
        "summary": "Every measure gets an evaluation date. Then you consider together whether it worked.",
        "body": "The evaluation ends in a choice: close, continue, or move to another level.",
    },
    "barnets-stemme": {
        "title": "The child's voice",
        "summary": "Children have a right to give their views on everything that concerns them, and their views must be given weight.",
        "body": "Ask the child what they think, in a way that suits their age. Write the child's views in the log in the child's own words.",
    },
    "foreldresamarbeid": {
        "title": "Parents as partners",
        "summary": "Parents know their child best. They help decide the measures and evaluate them.",
        "body": "Parents are always told what has been written, and can ask to see everything stored about their child, including who has read it.",
    },
}

# The elements' short texts (who is responsible, who convenes, how often), keyed by the
# bokmål text: several elements share one.
SHORT_TEXTS = {
    "BTS-koordinator": "The BTS coordinator",
    "Alle ansatte": "All employees",
    "Stafettholder": "The baton holder (stafettholder)",
    "Leder i hver tjeneste": "The leader of each service",
    "Kommunalsjef oppvekst": "Head of Children and Education (kommunalsjef oppvekst)",
    "Kommunalsjef oppvekst (leder)": "Head of Children and Education (chair)",
    "Kommunedirektøren": "The chief municipal executive (kommunedirektør)",
    "Folkehelsekoordinator": "The public health coordinator",
    "Ungdomskoordinator": "The youth coordinator",
    "Ungdomskoordinator i kultur og fritid": "The youth coordinator in Culture and Leisure",
    "Leder for Familiens hus": "The head of Familiens hus (Family Centre)",
    "Familiens hus": "Familiens hus (Family Centre)",
    "Rektor": "The head teacher",
    "Rektor og styrer": "The head teacher and the kindergarten head",
    "Styrer og rektor": "The kindergarten head and the head teacher",
    "Leder for barneverntjenesten": "The head of the Child Welfare Service",
    "Leder for helsestasjonen": "The head of the Child Health Clinic",
    "Koordinator": "The coordinator",
    "Koordinator (stafettholder)": "The coordinator (the baton holder)",
    "Fire ganger i året": "Four times a year",
    "Annenhver måned": "Every other month",
    "Månedlig": "Monthly",
    "Annenhver uke i skoleåret": "Every other week in the school year",
    "To ganger i halvåret": "Twice every six months",
    "Etter behov, minst to ganger i halvåret": "As needed, at least twice every six months",
    "Etter behov": "As needed",
}
