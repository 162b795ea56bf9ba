"""The demo catalogue in English: measures and meeting places, written from ``demo_content``.
Keyed by slug (a measure's slug is made from its bokmål name). Names of programmes that are
known by their Norwegian name keep it in brackets."""

# ruff: noqa: E501 - prose

MEASURES = {
    "svangerskapsomsorg": {
        "title": "Antenatal care",
        "summary": "Check-ups and conversations with a midwife throughout the pregnancy.",
    },
    "hjemmebesok-av-jordmor-og-helsesykepleier": {
        "title": "Home visits by a midwife and a public health nurse",
        "summary": "Visits at home in the first days and weeks after the birth.",
    },
    "helsestasjonens-faste-konsultasjoner": {
        "title": "Regular check-ups at the child health clinic",
        "summary": "Growth, development, vaccines and a talk about everyday life for children aged 0–5.",
    },
    "foreldregruppe-for-nybakte-foreldre": {
        "title": "Group for new parents",
        "summary": "Meetings where parents meet others in the same situation, led by a public health nurse.",
    },
    "helsesykepleier-pa-skolen": {
        "title": "Public health nurse at school",
        "summary": "The public health nurse has set days at every school, and you can drop in without an appointment.",
    },
    "helsestasjon-for-ungdom": {
        "title": "Youth health clinic",
        "summary": "Drop-in for young people about the body, contraception, mental health and whatever is difficult.",
    },
    "samtalegruppe-for-barn-med-skilte-foreldre": {
        "title": "Talk group for children whose parents have separated",
        "summary": "A group where children can talk about what it is like when their parents move apart.",
    },
    "oppfolging-av-barn-med-overvekt": {
        "title": "Follow-up of children with overweight",
        "summary": "Interdisciplinary follow-up of the child and family, focusing on food, activity and well-being.",
    },
    "sprakkartlegging-ved-2-og-4-arskontroll": {
        "title": "Language screening at the 2- and 4-year check-ups",
        "summary": "Screening of language and interaction, with advice and a referral when needed.",
    },
    "foreldreveiledning-icdp": {
        "title": "Parenting guidance (ICDP)",
        "summary": "A course that strengthens the interaction between parents and children.",
    },
    "de-utrolige-arene": {
        "title": "The Incredible Years (De utrolige årene)",
        "summary": "A parenting course for families whose children show early behavioural difficulties.",
    },
    "familieveiledning-i-hjemmet": {
        "title": "Family guidance at home",
        "summary": "A family counsellor comes to your home and works with the family over a few weeks.",
    },
    "familieterapi": {
        "title": "Family therapy",
        "summary": "Conversations with the whole family when there are conflicts or big changes.",
    },
    "foreldresamtaler-om-samlivsbrudd": {
        "title": "Talks for parents who separate",
        "summary": "Conversations for parents who are separating, with the children's needs at the centre.",
    },
    "barnesamtaler-snakke-med-barn": {
        "title": "Talks with children (Snakke med barn)",
        "summary": "Conversations with children who live with worries at home.",
    },
    "trygg-for-skolestart": {
        "title": "Ready for school",
        "summary": "A course for parents of first-year pupils about the move to school.",
    },
    "rad-og-veiledning-ogsa-anonymt": {
        "title": "Advice and guidance, anonymously too",
        "summary": "Anyone can call the child welfare service and discuss a concern without giving names.",
    },
    "hjelpetiltak-i-hjemmet": {
        "title": "Support measures at home",
        "summary": "Guidance and support for the family after an investigation by the child welfare service.",
    },
    "stottekontakt": {
        "title": "Support contact (støttekontakt)",
        "summary": "An adult who does leisure activities together with the child or young person.",
    },
    "besokshjem-avlastning": {
        "title": "Respite home (besøkshjem)",
        "summary": "The child spends weekends with a regular family, so that the parents get some respite.",
    },
    "ettervern-for-unge-voksne": {
        "title": "Aftercare for young adults",
        "summary": "Follow-up after the age of 18 for young people who have had measures from child welfare.",
    },
    "foreldreveiledning-etter-vold-i-familien": {
        "title": "Parenting guidance after violence in the family",
        "summary": "Follow-up of families where there has been violence, together with the police and the crisis centre.",
    },
    "sakkyndig-vurdering": {
        "title": "Expert assessment",
        "summary": "An assessment of whether the child needs special needs support or special education.",
    },
    "veiledning-til-barnehager-og-skoler": {
        "title": "Guidance for kindergartens and schools",
        "summary": "PPT advises employees on the learning environment and adaptations.",
    },
    "droftingsmoter-for-laerere-og-barnehagelaerere": {
        "title": "Consultation meetings for teachers",
        "summary": "Regular meetings where teachers in schools and kindergartens can discuss a child anonymously with PPT.",
    },
    "logoped": {
        "title": "Speech and language therapist",
        "summary": "Assessment and treatment of language and speech difficulties.",
    },
    "miljoterapeut-pa-skolen": {
        "title": "Social worker at school",
        "summary": "A social worker (miljøterapeut) helps pupils with well-being, friendships and conflicts.",
    },
    "plan-ved-bekymringsfullt-skolefravaer": {
        "title": "Plan for worrying school absence",
        "summary": "The school makes a plan together with the pupil and the parents when absence increases.",
    },
    "leksehjelp": {
        "title": "Homework help",
        "summary": "Free homework help after school, with adults present.",
    },
    "vennegrupper": {
        "title": "Friendship groups",
        "summary": "Small groups that practise cooperation and friendship, led by a social worker.",
    },
    "aktivitetsplan-mot-mobbing": {
        "title": "Activity plan against bullying",
        "summary": "When a pupil does not feel safe and well at school, the school makes an activity plan.",
    },
    "sosiallaerer": {
        "title": "Social counsellor (sosiallærer)",
        "summary": "Talks about school, friends and whatever is difficult, for every pupil.",
    },
    "alternativ-opplaeringsarena": {
        "title": "Alternative learning arena",
        "summary": "Part of the school week in a practical setting, for pupils who struggle at school.",
    },
    "fravaersteam": {
        "title": "Absence team",
        "summary": "The school, the public health nurse and PPT work with pupils who have high absence.",
    },
    "psykologisk-forstehjelp-i-klassen": {
        "title": "Psychological first aid in class",
        "summary": "Lessons about thoughts and feelings for whole classes.",
    },
    "redusert-foreldrebetaling-i-sfo": {
        "title": "Reduced fees for the after-school programme (SFO)",
        "summary": "A lower price or a free place for families with a low income.",
    },
    "tilrettelagt-sfo": {
        "title": "Adapted after-school programme (SFO)",
        "summary": "Extra adults and adapted activities for children who need it.",
    },
    "sprakgrupper-i-barnehagen": {
        "title": "Language groups in kindergarten",
        "summary": "Play and activities in small groups for children who need extra language support.",
    },
    "foreldresamtaler-med-tolk": {
        "title": "Parent meetings with an interpreter",
        "summary": "The kindergarten books an interpreter for parent meetings when needed.",
    },
    "tett-pa-samtaler-i-barnehagen": {
        "title": "Close follow-up talks in kindergarten",
        "summary": "Extra follow-up conversations when the kindergarten and the parents are worried.",
    },
    "samtaletilbud-for-ungdom": {
        "title": "Talks for young people",
        "summary": "Short series of talks with a psychologist or psychiatric nurse, without a referral.",
    },
    "kurs-i-mestring-av-belastning-kib": {
        "title": "Coping with stress course (KiB)",
        "summary": "A course for young people about stress, thoughts and feelings.",
    },
    "barn-som-parorende": {
        "title": "Children as next of kin",
        "summary": "Conversations for children whose parents have a mental illness or substance use problems.",
    },
    "rusforebyggende-samtaler": {
        "title": "Talks to prevent substance use",
        "summary": "Follow-up of young people who experiment with alcohol or drugs, together with the family.",
    },
    "kommunepsykolog": {
        "title": "Municipal psychologist",
        "summary": "Guidance for the services and short-term treatment for children and young people.",
    },
    "ungdomsveileder-i-nav": {
        "title": "Youth adviser at NAV",
        "summary": "A regular adviser for young people who need help with school, work or housing.",
    },
    "okonomisk-radgivning": {
        "title": "Financial advice",
        "summary": "Help to get an overview of your finances and make a plan.",
    },
    "sommerjobb-for-ungdom": {
        "title": "Summer jobs for young people",
        "summary": "A paid summer job in the municipality for young people who need experience.",
    },
    "kvalifiseringsprogrammet": {
        "title": "The qualification programme (kvalifiseringsprogrammet)",
        "summary": "Close follow-up towards work for young adults who are outside work and education.",
    },
    "fritidskortet": {
        "title": "The leisure card (fritidskortet)",
        "summary": "Support for one leisure activity of your own choice.",
    },
    "ungdomsklubben": {
        "title": "The youth club",
        "summary": "An open house for young people, with safe adults, three evenings a week.",
    },
    "utstyrssentralen": {
        "title": "The equipment library",
        "summary": "Borrow sports and outdoor equipment for free.",
    },
    "kulturskolen-med-soskenmoderasjon": {
        "title": "The school of arts, with a sibling discount",
        "summary": "Music, dance and art at a reduced price for families with a low income.",
    },
    "ferieaktiviteter-i-sommerferien": {
        "title": "Summer holiday activities",
        "summary": "Free activities for children who do not go away during the holidays.",
    },
    "oppfolging-av-nyankomne-familier": {
        "title": "Follow-up of newly arrived families",
        "summary": "Help with housing, school, kindergarten and health in the first years.",
    },
    "foreldreveiledning-for-flyktningforeldre": {
        "title": "Parenting guidance for refugee parents",
        "summary": "Talk groups about being a parent in Norway, with an interpreter.",
    },
    "miljoarbeider-for-enslige-mindrearige": {
        "title": "Support worker for unaccompanied minors",
        "summary": "Close everyday follow-up for young people who came to Norway alone.",
    },
    "gratis-tannhelse-til-og-med-24-ar": {
        "title": "Free dental care up to the age of 24",
        "summary": "Regular check-ups and treatment; dental staff also report neglect.",
    },
    "fysioterapi-for-barn": {
        "title": "Physiotherapy for children",
        "summary": "Examination and treatment of motor difficulties.",
    },
    "hjelpemidler-og-tilrettelegging": {
        "title": "Assistive aids and adaptations",
        "summary": "An occupational therapist assesses aids at home, in kindergarten and at school.",
    },
}

MEETING_PLACES = {
    "forebyggende-forum": {
        "title": "Prevention forum",
        "summary": "Kindergartens and schools discuss what they wonder about with the public health nurse, PPT and the child welfare service.",
    },
    "tverrfaglig-team-sentrum-skole": {
        "title": "Interdisciplinary team, Sentrum School",
        "summary": "The school's regular team for pupils there is concern for.",
    },
    "tverrfaglig-team-nordbyen": {
        "title": "Interdisciplinary team, Nordbyen Lower Secondary School",
        "summary": "The school's regular team for pupils there is concern for.",
    },
    "bti-nettverket": {
        "title": "The BTI network",
        "summary": "The BTI contacts share experience and learn from each other.",
    },
    "barnehageteam": {
        "title": "The kindergarten team",
        "summary": "The kindergartens discuss children with the health clinic, PPT and a physiotherapist.",
    },
    "ungdomsteam": {
        "title": "The youth team",
        "summary": "NAV, the mental health and substance use service and the schools work together for young people at risk of dropping out.",
    },
    "familieteam": {
        "title": "The family team",
        "summary": "Familiens hus (the family centre) and the child welfare service coordinate the help for families with several measures.",
    },
    "integreringsforum": {
        "title": "Integration forum for children and young people",
        "summary": "The services meet about newly arrived children and how they start school and kindergarten.",
    },
}

# The measures' and meeting places' short texts, keyed by the bokmål text. A place is the
# service's address: a street address stays as it is, a building gets its English name too.
COSTS = {
    "Gratis": "Free",
    "Etter søknad": "By application",
    "Vanlig SFO-pris": "The usual after-school programme (SFO) fee",
    "Del av barnehageplassen": "Included in the kindergarten place",
    "Lønnet": "Paid work",
    "Gratis, med stønad": "Free, with financial support",
    "Etter inntekt": "Based on income",
    "Gratis til 18 år, redusert pris 19–24": "Free up to 18, reduced price from 19 to 24",
}
PLACES = {
    "Helsehuset, Torget 2": "Helsehuset (health centre), Torget 2",
    "Legesenteret, Torget 4": "Legesenteret (medical centre), Torget 4",
    "Kulturhuset": "Kulturhuset (culture centre)",
    "Rådhuset, 2. etasje": "Rådhuset (town hall), 2nd floor",
    "Rådhuset, 3. etasje": "Rådhuset (town hall), 3rd floor",
}
LANGUAGES = {"Norsk, engelsk. Tolk ved behov.": "Norwegian, English. An interpreter if needed."}
FREQUENCIES = {
    "Annenhver uke i skoleåret": "Every other week in the school year",
    "Månedlig": "Monthly",
    "To ganger i halvåret": "Twice every six months",
    "Hver sjette uke": "Every six weeks",
    "Annenhver uke": "Every other week",
    "Hver måned": "Every month",
}
