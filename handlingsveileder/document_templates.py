"""The portal's standard text for each document, in bokmål and nynorsk: used where the tool
has no text of its own, and loaded into the demo tools for the coordinator to adapt. Named
fields are those of ``handlingsveileder.documents.FIELDS``."""

CONSENT_NB = """\
**Barn:** {{ barnets_navn }}, født {{ fodselsdato }}

## Hva dere samtykker til

Vi ønsker å samarbeide med andre tjenester for å gi {{ barnets_navn }} god hjelp. For å gjøre det
må vi dele opplysninger med hverandre. Det gjør vi bare hvis dere sier ja.

Samtykket gjelder disse tjenestene:

{{ tjenester }}

Opplysningene skrives i en stafettlogg. Bare de som er med i samarbeidet, kan lese den, og hver
gang noen leser eller skriver i loggen, blir det registrert. Dere kan be om å se alt som står om
barnet, og om å få rettet det som er feil.

## Hvor lenge samtykket gjelder

Fra {{ gyldig_fra }} til {{ gyldig_til }} (senest). Dere kan trekke samtykket tilbake når som helst,
muntlig eller skriftlig. Da stenges loggen for alle med en gang.

## Barnets mening

Barnet har rett til å si sin mening, og den skal tillegges vekt etter alder og modenhet.
Fra {{ samtykkealder }} år kan den unge samtykke selv.

Barnets mening: ____________________________________________

## Foresatte

{{ foresatte }}

## Underskrift

Hver som har foreldreansvar, skriver under.

| Navn | Dato | Underskrift |
|---|---|---|
| &nbsp; | &nbsp; | &nbsp; |
| &nbsp; | &nbsp; | &nbsp; |

Stafettholder: {{ stafettholder }}, {{ tjeneste }}
"""

CONSENT_NN = """\
**Barn:** {{ barnets_navn }}, fødd {{ fodselsdato }}

## Kva de samtykkjer til

Vi ønskjer å samarbeide med andre tenester for å gi {{ barnets_navn }} god hjelp. For å gjere det
må vi dele opplysningar med kvarandre. Det gjer vi berre om de seier ja.

Samtykket gjeld desse tenestene:

{{ tjenester }}

Opplysningane blir skrivne i ein stafettlogg. Berre dei som er med i samarbeidet, kan lese han, og
kvar gong nokon les eller skriv i loggen, blir det registrert. De kan be om å sjå alt som står om
barnet, og om å få retta det som er feil.

## Kor lenge samtykket gjeld

Frå {{ gyldig_fra }} til {{ gyldig_til }} (seinast). De kan trekkje samtykket tilbake når som
helst, munnleg eller skriftleg. Då blir loggen stengd for alle med ein gong.

## Meininga til barnet

Barnet har rett til å seie meininga si, og ho skal leggjast vekt på etter alder og modning.
Frå {{ samtykkealder }} år kan den unge samtykkje sjølv.

Meininga til barnet: ____________________________________________

## Føresette

{{ foresatte }}

## Underskrift

Kvar som har foreldreansvar, skriv under.

| Namn | Dato | Underskrift |
|---|---|---|
| &nbsp; | &nbsp; | &nbsp; |
| &nbsp; | &nbsp; | &nbsp; |

Stafetthaldar: {{ stafettholder }}, {{ tjeneste }}
"""

ACTION_PLAN_NB = """\
**Barn:** {{ barnets_navn }}, født {{ fodselsdato }} · **Nivå:** {{ niva }} · **Dato:** {{ dato }}

**Stafettholder:** {{ stafettholder }}, {{ tjeneste }}

## Tiltak

{{ tiltak }}

## Hvem som er med

{{ deltakere }}

## Foresatte

{{ foresatte }}

## Neste evaluering

{{ neste_evaluering }}

Tiltakene evalueres sammen med barnet og de foresatte.
"""

ACTION_PLAN_NN = """\
**Barn:** {{ barnets_navn }}, fødd {{ fodselsdato }} · **Nivå:** {{ niva }} · **Dato:** {{ dato }}

**Stafetthaldar:** {{ stafettholder }}, {{ tjeneste }}

## Tiltak

{{ tiltak }}

## Kven som er med

{{ deltakere }}

## Føresette

{{ foresatte }}

## Neste evaluering

{{ neste_evaluering }}

Tiltaka blir evaluerte saman med barnet og dei føresette.
"""

INVITATION_NB = """\
**Til:**

{{ innkalte }}

Vi inviterer til møte om {{ barnets_navn }}.

**Tid:** {{ motetidspunkt }}

**Sted:** {{ motested }}

## Saksliste

{{ saksliste }}

Barnet og de foresatte er alltid velkomne, og dere kan ta med noen dere stoler på. Gi beskjed
hvis tidspunktet ikke passer.

Med vennlig hilsen
{{ stafettholder }}, {{ tjeneste }}
"""

INVITATION_NN = """\
**Til:**

{{ innkalte }}

Vi inviterer til møte om {{ barnets_navn }}.

**Tid:** {{ motetidspunkt }}

**Stad:** {{ motested }}

## Sakliste

{{ saksliste }}

Barnet og dei føresette er alltid velkomne, og de kan ta med nokon de stolar på. Gi beskjed
om tidspunktet ikkje passar.

Med venleg helsing
{{ stafettholder }}, {{ tjeneste }}
"""

MINUTES_NB = """\
**Møte om:** {{ barnets_navn }} · **Dato:** {{ motedato }} · **Nivå:** {{ niva }}

**Til stede:** {{ tilstede }}

## Hva vi snakket om og ble enige om

{{ referat }}

## Neste steg

{{ neste_steg }}

Referent: {{ skrevet_av }}
"""

MINUTES_NN = """\
**Møte om:** {{ barnets_navn }} · **Dato:** {{ motedato }} · **Nivå:** {{ niva }}

**Til stades:** {{ tilstede }}

## Kva vi snakka om og vart samde om

{{ referat }}

## Neste steg

{{ neste_steg }}

Referent: {{ skrevet_av }}
"""

EVALUATION_NB = """\
**Barn:** {{ barnets_navn }}, født {{ fodselsdato }} · **Dato:** {{ dato }}

**Stafettholder:** {{ stafettholder }}

## Tiltakene som evalueres

{{ tiltak }}

## Spørsmål vi går gjennom sammen

1. Hva har virket, og hva har ikke virket?
2. Hvordan opplever barnet det? (barnets egne ord)
3. Hvordan opplever de foresatte det?
4. Skal tiltaket fortsette, endres eller avsluttes?
5. Hvem gjør hva fram til neste evaluering?

## Neste evaluering

{{ neste_evaluering }}
"""

EVALUATION_NN = """\
**Barn:** {{ barnets_navn }}, fødd {{ fodselsdato }} · **Dato:** {{ dato }}

**Stafetthaldar:** {{ stafettholder }}

## Tiltaka som blir evaluerte

{{ tiltak }}

## Spørsmål vi går gjennom saman

1. Kva har verka, og kva har ikkje verka?
2. Korleis opplever barnet det? (orda til barnet sjølv)
3. Korleis opplever dei føresette det?
4. Skal tiltaket halde fram, endrast eller avsluttast?
5. Kven gjer kva fram til neste evaluering?

## Neste evaluering

{{ neste_evaluering }}
"""

CLOSING_NB = """\
**Barn:** {{ barnets_navn }}, født {{ fodselsdato }}

**Stafettlogg åpnet:** {{ apnet }} · **Avsluttet:** {{ avsluttet }} · **Siste nivå:** {{ niva }}

**Stafettholder:** {{ stafettholder }}, {{ tjeneste }}

## Nivåene

{{ nivaer }}

## Tiltak

{{ tiltak }}

## Evalueringer

{{ evalueringer }}

## Avslutning

{{ avslutning }}

Dette sammendraget legges i barnets mappe. Stafettloggen slettes etter kommunens frist.
"""

CLOSING_NN = """\
**Barn:** {{ barnets_navn }}, fødd {{ fodselsdato }}

**Stafettlogg opna:** {{ apnet }} · **Avslutta:** {{ avsluttet }} · **Siste nivå:** {{ niva }}

**Stafetthaldar:** {{ stafettholder }}, {{ tjeneste }}

## Nivåa

{{ nivaer }}

## Tiltak

{{ tiltak }}

## Evalueringar

{{ evalueringer }}

## Avslutning

{{ avslutning }}

Dette samandraget blir lagt i mappa til barnet. Stafettloggen blir sletta etter fristen til
kommunen.
"""

DEFAULTS: dict[str, dict[str, str]] = {
    "samtykke": {"nb": CONSENT_NB, "nn": CONSENT_NN},
    "handlingsplan": {"nb": ACTION_PLAN_NB, "nn": ACTION_PLAN_NN},
    "innkalling": {"nb": INVITATION_NB, "nn": INVITATION_NN},
    "referat": {"nb": MINUTES_NB, "nn": MINUTES_NN},
    "evaluering": {"nb": EVALUATION_NB, "nn": EVALUATION_NN},
    "avslutning": {"nb": CLOSING_NB, "nn": CLOSING_NN},
}
