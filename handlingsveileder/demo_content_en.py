"""The demo BTI guide in English, written from ``demo_content`` for families and partners who
read English. Keyed as the bokmål; Norwegian names of services and roles that people will
hear are kept, with an English gloss where they first appear."""

# ruff: noqa: E501 - prose

LEVELS = {
    0: {
        "title": "Wondering and concern",
        "summary": "You wonder how a child is doing. At level 0 you describe what you see, discuss it with your leader or a colleague, and have the necessary conversation with the family. Within 14 days you decide together what happens next.",
        "body": "When an employee wonders how your child is doing, they talk to you about it. They tell you what they have noticed and ask how things are at home. Often there is a simple explanation, and the matter is closed. You decide together whether anything should be done.\n\nAt this level the information stays within the service. Employees may discuss the matter with others without saying who it is about.",
    },
    1: {
        "title": "Measures in the service itself",
        "summary": "The service that first wondered starts measures together with the family. A short plan is made, one person becomes the baton holder (stafettholder), and you agree when the measures will be evaluated.",
        "body": "The kindergarten, the school or the service you already know does something extra for your child, and you help decide what. One employee is responsible for keeping track. You agree on a date to see whether it helps.\n\nIf you consent, the plan can be written in a case log (stafettlogg).",
    },
    2: {
        "title": "Working with another service",
        "summary": "When one service is not enough, one or more other services join in. The consent must name each service. The services meet within two weeks and make a shared plan.",
        "body": "Sometimes help from more people is needed, for example the public health nurse, PPT (the educational and psychological counselling service) or Familiens hus (the family centre). This only happens with your consent, and you decide which services may take part. You meet and make a shared plan, and the baton holder makes sure everyone knows what has been agreed.",
    },
    3: {
        "title": "Extended interdisciplinary collaboration",
        "summary": "The child needs help from many services over time. A responsibility group (ansvarsgruppe) with a coordinator is set up, and the child may have a right to an individual plan.",
        "body": "When your child needs a lot of help over a long time, the services come together in a responsibility group that you are part of. A coordinator is responsible for the whole picture. Your child may have a right to an individual plan.",
    },
}

STEPS = {
    "n0-beskriv": {
        "title": "Describe what you see",
        "summary": "Write down exactly what you have seen and heard, when and where, without interpreting it.",
        "body": "Use the list of signs. Note changes over time.",
        "responsible": "The employee who wonders",
        "documentation": "Your own notes within the service, without opening a case log.",
        "participation": "None yet; whatever you write, you should be able to show the parents.",
    },
    "n0-drofte": {
        "title": "Discuss with a leader or colleague",
        "summary": "Share what you wonder about with your leader, a colleague or the BTI contact.",
        "body": "Feel free to discuss it anonymously. The child welfare service (barneverntjenesten) can also give advice without names.",
        "responsible": "Employee and leader",
        "documentation": "That you have discussed it, and with whom.",
        "participation": "The child and the family are anonymous in the discussion.",
    },
    "n0-samtale": {
        "title": "Have the necessary conversation",
        "summary": "Talk with the child and the parents about what you have noticed.",
        "body": "Prepare with the conversation guide. Listen, and ask how they see it.",
        "responsible": "Employee, preferably with their leader",
        "documentation": "A short note: what you talked about and what you agreed.",
        "participation": "The parents and the child tell their side and help decide what happens next.",
    },
    "n0-beslutt": {
        "title": "Decide the way forward",
        "summary": "Close the matter, or go on to level 1, 2 or 3.",
        "body": "If you suspect violence or abuse: report to the child welfare service at once.",
        "responsible": "Employee and leader",
        "documentation": "The decision and the reasons for it.",
        "participation": "The family is told what has been decided and why.",
    },
    "n1-samtykke": {
        "title": "Ask for consent",
        "summary": "Ask the guardians for consent to open a case log.",
        "body": "Consent is given to the service, not to a person. Oral consent is recorded.",
        "responsible": "Baton holder",
        "documentation": "The consent: who, when, how and which services.",
        "participation": "The guardians, and the child once old enough to decide, consent or say no.",
    },
    "n1-plan": {
        "title": "Make a short plan",
        "summary": "Agree on goals and measures, and who does what.",
        "body": "Use the action plan. Choose measures from the catalogue of services and measures.",
        "responsible": "Baton holder",
        "documentation": "Goals, measures, responsibilities and deadlines in the case log.",
        "participation": "The child's and the parents' wishes are written down in their own words.",
    },
    "n1-gjennomfor": {
        "title": "Carry out the measures",
        "summary": "Put the plan into practice and keep an eye on how it goes.",
        "body": "Keep in regular contact with the family.",
        "responsible": "Baton holder and employees in the service",
        "documentation": "Important events and conversations.",
        "participation": "The family gives feedback along the way.",
    },
    "n1-evaluer": {
        "title": "Evaluate",
        "summary": "On the agreed date, look at whether the measures worked.",
        "body": "Use the evaluation form together with the family.",
        "responsible": "Baton holder",
        "documentation": "The evaluation: what worked, and the next step.",
        "participation": "The child's and the parents' assessment is written down as their own.",
    },
    "n2-samtykke": {
        "title": "Extend the consent",
        "summary": "Get consent for the new services to take part.",
        "body": "Every new service must be named in the consent.",
        "responsible": "Baton holder",
        "documentation": "The updated consent.",
        "participation": "The guardians decide which services may take part.",
    },
    "n2-mote": {
        "title": "Collaboration meeting",
        "summary": "Invite the family and the services to a meeting.",
        "body": "The meeting is held within two weeks after a new service has joined.",
        "responsible": "Baton holder",
        "documentation": "Minutes in the case log: who was there, and what was agreed.",
        "participation": "The family takes part and has its say.",
    },
    "n2-plan": {
        "title": "Shared plan",
        "summary": "Make a shared plan with goals, measures, responsibilities and an evaluation date.",
        "body": "The plan is written in the case log.",
        "responsible": "Baton holder and the services",
        "documentation": "The plan.",
        "participation": "The child's voice must come through clearly.",
    },
    "n2-evaluer": {
        "title": "Evaluate together",
        "summary": "Evaluate the plan together with the family and the services.",
        "body": "Consider whether the case should be closed, continue or move to another level.",
        "responsible": "Baton holder",
        "documentation": "The evaluation and the decision.",
        "participation": "The family takes part in the assessment.",
    },
    "n3-ansvarsgruppe": {
        "title": "Set up a responsibility group",
        "summary": "Put together a responsibility group with the family and the services.",
        "body": "Find out whether the child has a right to an individual plan and a child coordinator.",
        "responsible": "Leader and coordinator",
        "documentation": "Who takes part, and what the group's mandate is.",
        "participation": "The family is a member of the group.",
    },
    "n3-koordinator": {
        "title": "Appoint a coordinator",
        "summary": "One person is responsible for the whole picture.",
        "body": "The coordinator takes over the baton.",
        "responsible": "Leader",
        "documentation": "Who the coordinator is.",
        "participation": "The family knows whom to contact.",
    },
    "n3-plan": {
        "title": "Individual plan or shared plan",
        "summary": "Make a long-term plan.",
        "body": "When the child has a right to an individual plan, the municipality's tool for individual plans is used.",
        "responsible": "Coordinator",
        "documentation": "The plan and the minutes of meetings.",
        "participation": "The child and the family own the plan together with the services.",
    },
    "n3-evaluer": {
        "title": "Evaluate regularly",
        "summary": "The responsibility group evaluates the plan at least twice a year.",
        "body": "Finish with a final evaluation together with the family.",
        "responsible": "Coordinator",
        "documentation": "Evaluations and the closing.",
        "participation": "The family takes part in the evaluation.",
    },
}

TOOLS = {
    "samtykkeskjema": {
        "title": "Consent form",
        "summary": "A form for the guardians' consent to collaboration between named services.",
    },
    "samtaleguide": {
        "title": "Guide to the necessary conversation",
        "summary": "How to prepare for and hold the conversation with the parents.",
    },
    "samtalen-med-barnet": {
        "title": "Talking with the child",
        "summary": "Advice on talking with children about difficult things.",
    },
    "tegn-og-signaler": {
        "title": "Signs to look for",
        "summary": "What you may notice in children and young people of different ages.",
    },
    "handlingsplan": {
        "title": "Action plan",
        "summary": "A template for goals, measures, responsibilities and the evaluation date.",
    },
    "evalueringsskjema": {
        "title": "Evaluation form",
        "summary": "Questions for evaluating measures together with the family.",
    },
    "moteinnkalling": {
        "title": "Meeting invitation",
        "summary": "An invitation to a collaboration meeting or a meeting of the responsibility group (ansvarsgruppe), with the time, the place and the agenda.",
    },
    "motereferat": {
        "title": "Meeting minutes",
        "summary": "Who was there, what you agreed, and the next step.",
    },
    "avslutningsnotat": {
        "title": "Closing summary",
        "summary": "A summary of the case log (stafettlogg) for the child's file when the case is closed.",
    },
}

SIGNS = {
    "Lite språk eller samspill sammenlignet med jevnaldrende": "Little language or interaction compared with children of the same age",
    "Uvanlig tilbaketrukket, stille eller redd": "Unusually withdrawn, quiet or frightened",
    "Blåmerker eller skader som ikke passer med forklaringen": "Bruises or injuries that do not fit the explanation",
    "Voksne som henter i påvirket tilstand": "Adults who come to pick the child up while under the influence",
    "Mangler klær etter vær eller mat i sekken over tid": "Lacks clothes for the weather or food in their bag, over time",
    "Foreldre som virker svært slitne, triste eller fraværende": "Parents who seem very worn out, sad or absent",
    "Mye fravær, ofte korte fravær eller ofte syk på mandager": "A lot of absence, frequent short absences or often ill on Mondays",
    "Går alene i friminuttene, blir holdt utenfor": "Alone during breaks, left out by others",
    "Endring i humør, konsentrasjon eller søvn": "Changes in mood, concentration or sleep",
    "Seksualisert atferd eller språk som ikke passer alderen": "Sexualised behaviour or language that does not fit the child's age",
    "Tar mye ansvar hjemme, for søsken eller for foreldrene": "Takes on a lot of responsibility at home, for siblings or for the parents",
    "Deltar ikke på bursdager eller aktiviteter som koster penger": "Does not go to birthday parties or activities that cost money",
    "Økende fravær og synkende karakterer": "Growing absence and falling grades",
    "Selvskading, eller snakker om å ikke ville leve": "Self-harm, or talk of not wanting to live",
    "Tegn på eget rusbruk, eller bekymring for foreldrenes": "Signs of their own substance use, or worry about the parents' use",
    "Forteller om kontroll, trusler eller vold i et forhold": "Tells of control, threats or violence in a relationship",
    "Har sluttet med alle fritidsaktiviteter og venner": "Has given up all leisure activities and friends",
    "Uttrykker frykt for å bli sendt til utlandet eller giftet bort": "Says they are afraid of being sent abroad or married off",
    "Står uten skole, jobb eller fast bolig": "Has no school, job or permanent home",
    "Isolerer seg og har mistet kontakt med venner": "Isolates themselves and has lost touch with friends",
    "Rusbruk som går ut over skole, jobb eller økonomi": "Substance use that affects school, work or money",
}

THEME_GUIDES = {
    "vold-og-overgrep": {
        "title": "Violence and abuse",
        "summary": "When you believe a child is exposed to violence or sexual abuse.",
        "body": "If you suspect violence or abuse, do **not** follow the levels, and do **not** talk to the parents first. That could put the child in danger and destroy evidence.\n\n1. Contact the child welfare service (barneverntjenesten) at once. Outside office hours: the child welfare emergency service (barnevernvakten), or the police on 112.\n2. Write down exactly what the child said, in the child's own words.\n3. Tell your leader, but do not wait for your leader if it is urgent.\n\nIf you are unsure, you can discuss the matter anonymously with the child welfare service or Statens barnehus (the children's advocacy centre).",
    },
    "rus-i-familien": {
        "title": "Substance use in the family",
        "summary": "When you are worried that parents or young people are using alcohol or drugs.",
        "body": "Children who live with their parents' substance use often take on a lot of responsibility and hide it. Follow the levels, and talk with the parents in a way that does not cause shame.\n\nIf the child is not getting proper care, for example because the parents are intoxicated while they are responsible for the child, report to the child welfare service at once.",
    },
    "psykisk-helse-hos-foreldre": {
        "title": "Mental health problems in parents",
        "summary": "When a parent is struggling with mental illness.",
        "body": "Children of a parent who is ill have a right to information and follow-up. Talk with the parents about how the child is doing, and offer conversations for children as next of kin.\n\nIf the illness means the child is not getting proper care, the duty to report applies.",
    },
    "skolefravaer": {
        "title": "Worrying school absence",
        "summary": "When a pupil is away from school a lot.",
        "body": "Absence is often a sign that something else is difficult. The school maps the absence, talks with the pupil and the parents, and makes a plan.\n\nIf the absence goes on for a long time without a known reason, or the parents do not make sure the child gets schooling, the school must consider reporting to the child welfare service.",
    },
}
