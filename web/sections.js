// What the trainee form shows: the records format's elements (docs/records.md) with the
// Swedish terms of the official forms. Data only; trainee-form.js renders it.

import { store } from './store.js';

const vocab = (key, fallback) => {
  const v = store.vocabulary && store.vocabulary[key];
  const items = Array.isArray(v) && v.length ? v : fallback;
  return items.map((x) => (typeof x === 'string' ? [x, x] : [x.id ?? x.value ?? x.code, x.title ?? x.label ?? x.name ?? x.id]));
};

const regulations = () => vocab('regulations', ['HSLF-FS 2021:8', 'SOSFS 2015:8']);
const programmeKinds = () => vocab('programme_kinds', ['BT', 'ST', 'BT+ST']);
const placementKinds = () => vocab('placement_kinds', ['primärvård', 'akut sjukvård', 'psykiatri', 'sluten vård', 'öppen vård']);
const unitKinds = () => vocab('unit_kinds', ['primärvård', 'akut sjukvård', 'psykiatri', 'sluten vård', 'öppen vård']);
const specialties = () => vocab('specialties', []);
const absenceKinds = () => vocab('absence_kinds', ['föräldraledighet', 'sjukfrånvaro', 'tjänstledighet', 'semester', 'kompledighet'])
  .map(([value, label]) => [value, label.charAt(0).toUpperCase() + label.slice(1)]);
const COURSE_STATUS = [['done', 'Genomförd'], ['planned', 'Planerad']];

const DELMAL_HINT = 'Delmålskoder åtskilda med mellanslag, t.ex. STc1 STc2';
const dates = (startRequired) => [
  { name: 'start', label: 'Från och med', type: 'date', required: startRequired },
  { name: 'end', label: 'Till och med', type: 'date' },
];

// Sections of single elements of the trainee: {id, title, parts: [{tag|null, fields}]};
// tag null means the <trainee> element itself.
export function traineeSections(onIdChange, onNameChange) {
  return [
    {
      id: 'personuppgifter', title: 'Personuppgifter',
      parts: [
        { tag: null, fields: [{ name: 'id', label: 'Id (t.ex. anställningsnummer, aldrig personnummer)', required: true, onChange: onIdChange }] },
        { tag: 'name', fields: [
          { name: 'given', label: 'Förnamn', required: true, autocomplete: 'given-name', onChange: onNameChange },
          { name: 'family', label: 'Efternamn', required: true, autocomplete: 'family-name', onChange: onNameChange },
        ] },
        { tag: 'personnummer', fields: [{ name: '#text', label: 'Personnummer eller samordningsnummer', type: 'text', hint: 'ÅÅÅÅMMDD-NNNN. Behövs bara för Socialstyrelsens intyg.' }] },
        { tag: 'contact', fields: [
          { name: 'email', label: 'E-postadress', autocomplete: 'email' },
          { name: 'phone', label: 'Mobiltelefon' },
          { name: 'work-phone', label: 'Telefon arbetet' },
          { name: 'address', label: 'Utdelningsadress' },
          { name: 'postcode', label: 'Postnummer' },
          { name: 'town', label: 'Postort' },
          { name: 'workplace', label: 'Arbetsplats' },
        ] },
      ],
    },
    {
      id: 'utbildning', title: 'Utbildning',
      parts: [
        { tag: 'education', fields: [
          { name: 'degree-country', label: 'Läkarexamen, land' },
          { name: 'degree-date', label: 'Läkarexamen, datum', type: 'date' },
          { name: 'bt-certificate', label: 'Intyg om godkänd bastjänstgöring, datum', type: 'date' },
          { name: 'swedish-at', label: 'Svensk allmäntjänstgöring (AT)', type: 'flag' },
          { name: 'third-country', label: 'Specialistläkare från tredjeland', type: 'flag' },
        ] },
      ],
      lists: [{ parent: 'education', tag: 'licence', item: 'Legitimation', add: 'Lägg till legitimation', fields: [
        { name: 'country', label: 'Legitimation, land', required: true },
        { name: 'date', label: 'Legitimation, datum', type: 'date' },
      ] }],
    },
    {
      id: 'program', title: 'Utbildningsprogram och författning',
      parts: [
        { tag: 'programme', fields: [
          { name: 'kind', label: 'Typ av utbildning', type: 'select', options: programmeKinds(), required: true },
          { name: 'specialty', label: 'Specialitet', type: 'select', options: specialties() },
          { name: 'regulation', label: 'Författning', type: 'select', options: regulations(), hint: 'Lämna tomt så avgör stdok författningen.' },
          { name: 'start', label: 'ST påbörjas (BT för enbart BT)', type: 'date', required: true },
          { name: 'bt-start', label: 'BT påbörjas', type: 'date' },
          { name: 'planned-end', label: 'Beräknas vara fullgjord', type: 'date', hint: 'Lämna tomt så räknar stdok fram tidigast möjliga datum.' },
          { name: 'rate', label: 'Tjänstgöringsgrad (%)', type: 'percent' },
          { name: 'home-unit', label: 'Huvudsaklig placering', type: 'unit' },
        ] },
        { tag: 'contract', fields: [
          { name: 'date', label: 'ST-kontraktet undertecknat, datum', type: 'date' },
          { name: 'place', label: 'ST-kontraktet undertecknat, ort' },
          { name: 'supervision-hours', label: 'Handledning, timmar per vecka', type: 'number' },
          { name: 'iup-date', label: 'Första IUP, datum', type: 'date' },
        ] },
      ],
    },
    {
      id: 'handledare', title: 'Handledare och chefer',
      parts: [
        { tag: 'roles', fields: [
          { name: 'huvudhandledare', label: 'Huvudhandledare', type: 'person' },
          { name: 'verksamhetschef', label: 'Verksamhetschef', type: 'person' },
          { name: 'studierektor', label: 'Studierektor', type: 'person' },
          { name: 'bt-chef', label: 'BT-chef', type: 'person' },
          { name: 'extern-bedomare', label: 'Extern bedömare', type: 'person' },
          { name: 'specialist', label: 'Specialistläkare utöver huvudhandledaren', type: 'person' },
        ] },
      ],
    },
  ];
}

// Repeated elements of the trainee, one section each.
export function traineeLists() {
  return [
    { id: 'placeringar', title: 'Placeringar (klinisk tjänstgöring)', tag: 'placement', item: 'Placering', add: 'Lägg till placering', fields: [
      { name: 'unit', label: 'Tjänstgöringsställe', type: 'unit' },
      { name: 'unit-name', label: 'Tjänstgöringsställe (fritext, om det inte finns i listan)' },
      ...dates(true),
      { name: 'rate', label: 'Omfattning (% av heltid)', type: 'percent' },
      { name: 'kind', label: 'Typ av tjänstgöring', type: 'select', options: placementKinds() },
      { name: 'supervisor', label: 'Handledare', type: 'person' },
      { name: 'delmal', label: 'Delmål', type: 'codes', hint: DELMAL_HINT },
      { name: 'bt', label: 'Ingår i BT', type: 'flag' },
      { name: '#text', label: 'Beskrivning av den kliniska tjänstgöringen', type: 'textarea', wide: true },
    ] },
    { id: 'sidotjanstgoring', title: 'Sidotjänstgöring', tag: 'side-placement', item: 'Sidotjänstgöring', add: 'Lägg till sidotjänstgöring', fields: [
      { name: 'unit', label: 'Mottagande enhet', type: 'unit' },
      { name: 'unit-name', label: 'Mottagande enhet (fritext)' },
      ...dates(true),
      { name: 'rate', label: 'Tjänstgöringsgrad (%)', type: 'percent' },
      { name: 'contract-date', label: 'Kontraktet undertecknat, datum', type: 'date' },
      { name: 'contract-place', label: 'Kontraktet undertecknat, ort' },
      { name: 'contact', label: 'Utbildningsansvarig på mottagande enhet', type: 'person' },
      { name: 'supervisor', label: 'Handledare på mottagande enhet', type: 'person' },
      { name: 'delmal', label: 'Delmål', type: 'codes', hint: DELMAL_HINT },
      { child: 'expectations', label: 'Förväntningar, vad jag önskar lära mig', type: 'textarea', wide: true },
    ] },
    { id: 'franvaro', title: 'Ledighet och frånvaro', tag: 'absence', item: 'Frånvaro', add: 'Lägg till frånvaro', fields: [
      { name: 'kind', label: 'Typ av frånvaro', type: 'select', options: absenceKinds(), required: true },
      { name: 'start', label: 'Från och med', type: 'date', required: true },
      { name: 'end', label: 'Till och med', type: 'date', required: true },
      { name: 'rate', label: 'Omfattning (% av heltid)', type: 'percent' },
    ] },
    { id: 'auskultationer', title: 'Auskultationer', tag: 'auskultation', item: 'Auskultation', add: 'Lägg till auskultation', fields: [
      { name: 'unit', label: 'Tjänstgöringsställe för auskultation', type: 'unit' },
      { name: 'unit-name', label: 'Tjänstgöringsställe (fritext)' },
      ...dates(true),
      { name: 'supervisor', label: 'Handledare', type: 'person' },
      { name: 'delmal', label: 'Delmål', type: 'codes', hint: DELMAL_HINT },
      { name: '#text', label: 'Beskrivning av auskultationen', type: 'textarea', wide: true },
    ] },
    { id: 'kurser', title: 'Kurser', tag: 'course', item: 'Kurs', add: 'Lägg till kurs', fields: [
      { name: 'subject', label: 'Kursens ämne', required: true, wide: true },
      ...dates(false),
      { name: 'status', label: 'Status', type: 'select', options: COURSE_STATUS },
      { name: 'leader', label: 'Kursledare', type: 'person' },
      { name: 'leader-name', label: 'Kursledare (fritext)' },
      { name: 'delmal', label: 'Delmål', type: 'codes', hint: DELMAL_HINT },
      { name: '#text', label: 'Beskrivning av kursen', type: 'textarea', wide: true },
    ] },
    { id: 'utvecklingsarbete', title: 'Kvalitets- och utvecklingsarbete', tag: 'development-work', item: 'Utvecklingsarbete', add: 'Lägg till utvecklingsarbete', fields: [
      { name: 'subject', label: 'Utvecklingsarbetets ämne', required: true, wide: true },
      ...dates(false),
      { name: 'supervisor', label: 'Handledare', type: 'person' },
      { name: 'delmal', label: 'Delmål', type: 'codes', hint: DELMAL_HINT },
      { name: '#text', label: 'ST-läkarens del i arbetet', type: 'textarea', wide: true },
    ] },
    { id: 'vetenskapligt-arbete', title: 'Vetenskapligt arbete', tag: 'scientific-work', item: 'Vetenskapligt arbete', add: 'Lägg till vetenskapligt arbete', fields: [
      { name: 'subject', label: 'Ämne', required: true, wide: true },
      { name: 'start', label: 'Påbörjat', type: 'date' },
      { name: 'end', label: 'Godkänt, datum', type: 'date' },
      { name: 'supervisor', label: 'Handledare', type: 'person' },
      { name: 'delmal', label: 'Delmål', type: 'codes', hint: DELMAL_HINT },
    ] },
    { id: 'delmalsintyg', title: 'Intyg om delmål', tag: 'delmal-certificate', item: 'Delmålsintyg', add: 'Lägg till delmålsintyg', fields: [
      { name: 'codes', label: 'Delmål som intyget avser', type: 'codes', required: true, hint: DELMAL_HINT },
      { name: 'signer', label: 'Intygsutfärdande handledare', type: 'person' },
      { name: 'date', label: 'Datum', type: 'date' },
    ] },
  ];
}

// The file's own elements: region, units and people (shared by every trainee).
export function fileSections() {
  return {
    region: [
      { name: 'id', label: 'Regionprofil', hint: 't.ex. vasternorrland, ostergotland, jonkoping, orebro', required: true },
      { name: 'name', label: 'Regionens namn', required: true },
    ],
    lists: [
      { id: 'enheter', title: 'Enheter', tag: 'unit', item: 'Enhet', add: 'Lägg till enhet', fields: [
        { name: 'id', label: 'Id', required: true },
        { name: 'name', label: 'Namn', required: true, wide: true },
        { name: 'kind', label: 'Typ av enhet', type: 'select', options: unitKinds() },
        { name: 'town', label: 'Ort' },
      ] },
      { id: 'personer', title: 'Personer', tag: 'person', item: 'Person', add: 'Lägg till person', fields: [
        { name: 'id', label: 'Id', required: true },
        { name: 'given-name', label: 'Förnamn', required: true },
        { name: 'family-name', label: 'Efternamn', required: true },
        { name: 'title', label: 'Titel' },
        { name: 'specialty', label: 'Specialitet', type: 'select', options: specialties() },
        { name: 'unit', label: 'Tjänsteställe', type: 'unit' },
        { name: 'email', label: 'E-post' },
        { name: 'phone', label: 'Telefon' },
        { name: 'supervisor-training', label: 'År för handledarutbildning', type: 'number' },
      ] },
    ],
  };
}
