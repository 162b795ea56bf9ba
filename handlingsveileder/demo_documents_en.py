"""The demo tools' document texts in English, from ``document_templates``: the blank form the
public tool page offers and the text an English case document is made from. Named fields as
in ``handlingsveileder.documents.FIELDS``; the Markdown keeps the bokmål text's blocks."""

CONSENT = """\
**Child:** {{ barnets_navn }}, born {{ fodselsdato }}

## What you consent to

We would like to work with other services to give {{ barnets_navn }} good help. To do that, we
need to share information with each other. We only do so if you say yes.

The consent covers these services:

{{ tjenester }}

The information is written in a case log (stafettlogg). Only those who take part in the
collaboration can read it, and every time someone reads or writes in the log, it is recorded. You
can ask to see everything written about your child, and to have anything wrong corrected.

## How long the consent lasts

From {{ gyldig_fra }} until {{ gyldig_til }} (at the latest). You can withdraw your consent at any
time, orally or in writing. The log is then closed for everyone at once.

## The child's views

Your child has a right to give their views, and these must be given weight according to age and
maturity. From the age of {{ samtykkealder }}, young people can consent themselves.

The child's views: ____________________________________________

## Guardians

{{ foresatte }}

## Signature

Everyone with parental responsibility signs.

| Name | Date | Signature |
|---|---|---|
| &nbsp; | &nbsp; | &nbsp; |
| &nbsp; | &nbsp; | &nbsp; |

Baton holder: {{ stafettholder }}, {{ tjeneste }}
"""

ACTION_PLAN = """\
**Child:** {{ barnets_navn }}, born {{ fodselsdato }} · **Level:** {{ niva }} · **Date:** {{ dato }}

**Baton holder:** {{ stafettholder }}, {{ tjeneste }}

## Measures

{{ tiltak }}

## Who takes part

{{ deltakere }}

## Guardians

{{ foresatte }}

## Next evaluation

{{ neste_evaluering }}

The measures are evaluated together with the child and the guardians.
"""

INVITATION = """\
**To:**

{{ innkalte }}

We invite you to a meeting about {{ barnets_navn }}.

**Time:** {{ motetidspunkt }}

**Place:** {{ motested }}

## Agenda

{{ saksliste }}

The child and the guardians are always welcome, and you may bring someone you trust. Please let
us know if the time does not suit you.

Kind regards
{{ stafettholder }}, {{ tjeneste }}
"""

MINUTES = """\
**Meeting about:** {{ barnets_navn }} · **Date:** {{ motedato }} · **Level:** {{ niva }}

**Present:** {{ tilstede }}

## What we talked about and agreed

{{ referat }}

## Next steps

{{ neste_steg }}

Minutes taken by: {{ skrevet_av }}
"""

EVALUATION = """\
**Child:** {{ barnets_navn }}, born {{ fodselsdato }} · **Date:** {{ dato }}

**Baton holder:** {{ stafettholder }}

## The measures being evaluated

{{ tiltak }}

## Questions we go through together

1. What has worked, and what has not?
2. How does the child experience it? (in the child's own words)
3. How do the guardians experience it?
4. Should the measure continue, change or end?
5. Who does what until the next evaluation?

## Next evaluation

{{ neste_evaluering }}
"""

CLOSING = """\
**Child:** {{ barnets_navn }}, born {{ fodselsdato }}

**Case log opened:** {{ apnet }} · **Closed:** {{ avsluttet }} · **Last level:** {{ niva }}

**Baton holder:** {{ stafettholder }}, {{ tjeneste }}

## The levels

{{ nivaer }}

## Measures

{{ tiltak }}

## Evaluations

{{ evalueringer }}

## Closing

{{ avslutning }}

This summary is placed in the child's file. The case log is deleted after the period the
municipality has set.
"""

# By the document a tool makes (``Verktoy.document``).
DOCUMENTS = {
    "samtykke": CONSENT,
    "handlingsplan": ACTION_PLAN,
    "innkalling": INVITATION,
    "referat": MINUTES,
    "evaluering": EVALUATION,
    "avslutning": CLOSING,
}
