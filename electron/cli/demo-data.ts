import type { ContactLanguage } from '../../shared/api/common';
import type { StaffRole } from '../../shared/api/staff';

/** The password every demo staff user gets; printed by seed-demo. */
export const DEMO_PASSWORD = 'Portier-Demo-2025';

/** The demo company's activation settings: a portal address of the reserved example domain, so demo activations can be tried. */
export const DEMO_ACTIVATION = {
  companyName: 'Portier Demo BV',
  companyAddress: 'Stationsplein 1\n3511 AA Utrecht',
  portalUrl: 'https://portal.example.com/',
  timeZone: 'Europe/Amsterdam',
} as const;

export interface DemoStaff {
  name: string;
  email: string;
  role: StaffRole;
  mayGrantAccess: boolean;
  language: 'en' | 'nl' | 'de';
}

/** The first one becomes the administrator through the first-start set-up. */
export const DEMO_STAFF: readonly DemoStaff[] = [
  { name: 'Anna de Vries', email: 'anna.devries@portier-demo.example', role: 'administrator', mayGrantAccess: true, language: 'nl' },
  { name: 'Jonas Becker', email: 'jonas.becker@portier-demo.example', role: 'staff', mayGrantAccess: true, language: 'de' },
  { name: 'Sofie Peeters', email: 'sofie.peeters@portier-demo.example', role: 'staff', mayGrantAccess: false, language: 'en' },
];

/** [salutation, first name, last name] */
export type DemoPersonName = readonly [string, string, string];

export interface DemoOrganisation {
  name: string;
  customerNumber: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  country: string;
  language: ContactLanguage;
  /** Reserved .example domain: demo mail must never reach a real inbox. */
  domain: string;
  internal?: boolean;
  /** Name of the umbrella organisation (listed earlier). */
  parent?: string;
  people: readonly DemoPersonName[];
}

const UMBRELLA = 'Vandenberghe Groep NV';

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  { name: UMBRELLA, customerNumber: 'C-1000', addressLine1: 'Meir 112', postalCode: '2000', city: 'Antwerpen', country: 'BE', language: 'nl', domain: 'vandenberghe-groep.example',
    people: [['Dhr.', 'Pieter', 'Vandenberghe'], ['Mevr.', 'Els', 'Wouters'], ['Dhr.', 'Koen', 'Janssens']] },
  { name: 'Vandenberghe Bouw NV', customerNumber: 'C-1001', addressLine1: 'Kortrijksesteenweg 410', postalCode: '9000', city: 'Gent', country: 'BE', language: 'nl', domain: 'vdb-bouw.example', parent: UMBRELLA,
    people: [['Dhr.', 'Bart', 'De Smet'], ['Mevr.', 'Lien', 'Claes'], ['Dhr.', 'Wim', 'Maes']] },
  { name: 'Vandenberghe Logistiek BV', customerNumber: 'C-1002', addressLine1: 'Minervum 7040', postalCode: '4817 ZK', city: 'Breda', country: 'NL', language: 'nl', domain: 'vdb-logistiek.example', parent: UMBRELLA,
    people: [['Dhr.', 'Ruud', 'van Dijk'], ['Mevr.', 'Marieke', 'Bakker'], ['Mevr.', 'Fleur', 'Jansen']] },
  { name: 'Vandenberghe Énergie SA', customerNumber: 'C-1003', addressLine1: 'Quai de Rome 25', postalCode: '4000', city: 'Liège', country: 'BE', language: 'default', domain: 'vdb-energie.example', parent: UMBRELLA,
    people: [['M.', 'Jérôme', 'Lambert'], ['Mme', 'Céline', 'Dubois'], ['M.', 'François', 'Lejeune']] },
  { name: 'Bäckerei Müller GmbH', customerNumber: 'C-1010', addressLine1: 'Schleißheimer Straße 88', postalCode: '80797', city: 'München', country: 'DE', language: 'de', domain: 'baeckerei-mueller.example',
    people: [['Herr', 'Jürgen', 'Müller'], ['Frau', 'Brigitte', 'Weiß'], ['Frau', 'Özlem', 'Yılmaz']] },
  { name: 'Ștefănescu Construcții SRL', customerNumber: 'C-1011', addressLine1: 'Strada Memorandumului 21', postalCode: '400114', city: 'Cluj-Napoca', country: 'RO', language: 'en', domain: 'stefanescu-constructii.example',
    people: [['Dl.', 'Andrei', 'Ștefănescu'], ['Dna.', 'Ioana', 'Țurcanu'], ['Dl.', 'Mihai', 'Popescu']] },
  { name: 'Łódź Logistyka sp. z o.o.', customerNumber: 'C-1012', addressLine1: 'ul. Piotrkowska 148', postalCode: '90-063', city: 'Łódź', country: 'PL', language: 'en', domain: 'lodz-logistyka.example',
    people: [['Pan', 'Łukasz', 'Wiśniewski'], ['Pani', 'Małgorzata', 'Kowalczyk'], ['Pan', 'Paweł', 'Zieliński']] },
  { name: 'Ørsted Rådgivning AS', customerNumber: 'C-1013', addressLine1: 'Bryggen 15', postalCode: '5003', city: 'Bergen', country: 'NO', language: 'en', domain: 'orsted-radgivning.example',
    people: [['Mr', 'Håkon', 'Ørsted'], ['Ms', 'Ingrid', 'Bjørnstad'], ['Ms', 'Solveig', 'Aasen']] },
  { name: "Café de l'Écluse", customerNumber: 'C-1014', addressLine1: "12 quai de l'Écluse", postalCode: '67000', city: 'Strasbourg', country: 'FR', language: 'default', domain: 'cafe-ecluse.example',
    people: [['Mme', 'Amélie', 'Girard'], ['M.', 'Théo', 'Rousseau']] },
  { name: 'Brouwerij De Gouden Haan BV', customerNumber: 'C-1015', addressLine1: 'Spaarne 36', postalCode: '2011 CJ', city: 'Haarlem', country: 'NL', language: 'nl', domain: 'gouden-haan.example',
    people: [['Dhr.', 'Sander', 'de Boer'], ['Mevr.', 'Anouk', 'Visser'], ['Dhr.', 'Joost', "van 't Hek"]] },
  { name: 'Zürcher Präzisionsmechanik AG', customerNumber: 'C-1016', addressLine1: 'Hardturmstrasse 161', postalCode: '8005', city: 'Zürich', country: 'CH', language: 'de', domain: 'zuercher-praezision.example',
    people: [['Herr', 'Reto', 'Brunner'], ['Frau', 'Regula', 'Häberli'], ['Herr', 'Urs', 'Küng']] },
  { name: 'Wiener Kaffeehaus Größl KG', customerNumber: 'C-1017', addressLine1: 'Landstraßer Hauptstraße 9', postalCode: '1030', city: 'Wien', country: 'AT', language: 'de', domain: 'kaffeehaus-groessl.example',
    people: [['Herr', 'Maximilian', 'Größl'], ['Frau', 'Theresa', 'Pichler'], ['Frau', 'Lena', 'Huber']] },
  { name: 'Van der Meer Installatietechniek BV', customerNumber: 'C-1018', addressLine1: 'Vaartsche Rijn 90', postalCode: '3521 AA', city: 'Utrecht', country: 'NL', language: 'nl', domain: 'vdmeer-installatie.example',
    people: [['Dhr.', 'Henk', 'van der Meer'], ['Mevr.', 'Sanne', 'Mulder'], ['Dhr.', 'Daan', 'Smit']] },
  { name: 'Façades Dubois SARL', customerNumber: 'C-1019', addressLine1: '48 rue de la République', postalCode: '69002', city: 'Lyon', country: 'FR', language: 'en', domain: 'facades-dubois.example',
    people: [['M.', 'Benoît', 'Dubois'], ['Mme', 'Hélène', 'Moreau'], ['M.', 'Loïc', 'Fontaine']] },
  { name: 'Wiśniewski i Synowie sp.j.', customerNumber: 'C-1020', addressLine1: 'ul. Floriańska 22', postalCode: '31-019', city: 'Kraków', country: 'PL', language: 'en', domain: 'wisniewski-synowie.example',
    people: [['Pan', 'Grzegorz', 'Wiśniewski'], ['Pani', 'Agnieszka', 'Dąbrowska'], ['Pan', 'Michał', 'Kaczmarek']] },
  { name: 'Fjellheim Transport AS', customerNumber: 'C-1021', addressLine1: 'Storgata 61', postalCode: '9008', city: 'Tromsø', country: 'NO', language: 'en', domain: 'fjellheim-transport.example',
    people: [['Mr', 'Øyvind', 'Fjellheim'], ['Ms', 'Kari', 'Nordmann'], ['Mr', 'Sindre', 'Løvås']] },
  { name: 'Schäfer & Söhne Elektrotechnik GmbH', customerNumber: 'C-1022', addressLine1: 'Aachener Straße 1040', postalCode: '50858', city: 'Köln', country: 'DE', language: 'de', domain: 'schaefer-soehne.example',
    people: [['Herr', 'Matthias', 'Schäfer'], ['Frau', 'Jana', 'Krüger'], ['Herr', 'Tobias', 'Hoffmann']] },
  { name: 'Tiroler Bergbahnen Service GmbH', customerNumber: 'C-1023', addressLine1: 'Maria-Theresien-Straße 18', postalCode: '6020', city: 'Innsbruck', country: 'AT', language: 'de', domain: 'tiroler-bergbahnen.example',
    people: [['Herr', 'Florian', 'Mair'], ['Frau', 'Katharina', 'Egger'], ['Herr', 'Stefan', 'Gruber']] },
  { name: 'Horlogerie Genève Sàrl', customerNumber: 'C-1024', addressLine1: 'Rue du Rhône 62', postalCode: '1204', city: 'Genève', country: 'CH', language: 'en', domain: 'horlogerie-geneve.example',
    people: [['M.', 'Cédric', 'Favre'], ['Mme', 'Chloé', 'Berset'], ['Mme', 'Noémie', 'Perrin']] },
  { name: 'Portier Support (intern)', customerNumber: 'INT-1', addressLine1: 'Keizersgracht 241', postalCode: '1016 EA', city: 'Amsterdam', country: 'NL', language: 'en', domain: 'portier-demo.example', internal: true,
    people: [['Mevr.', 'Noor', 'Hendriks'], ['Dhr.', 'Thijs', 'Kuipers']] },
];

const MOBILE_PREFIX: Readonly<Record<string, string>> = {
  NL: '+31 6', BE: '+32 470', DE: '+49 151', AT: '+43 664', CH: '+41 79', PL: '+48 501', RO: '+40 721', NO: '+47 412', FR: '+33 6',
};

/** A plausible, deterministic mobile number in the organisation's country. */
export function demoMobile(country: string, index: number): string {
  const digits = String(10_000_000 + ((index * 7_919_113) % 90_000_000)).slice(0, 8);
  return `${MOBILE_PREFIX[country] ?? '+31 6'} ${digits.slice(0, 4)} ${digits.slice(4)}`;
}

/** ASCII local part for a mail address: "Łukasz Wiśniewski" -> "lukasz.wisniewski". */
export function demoEmailLocalPart(first: string, last: string): string {
  const fold = (s: string) =>
    s
      .replace(/[Łł]/g, 'l')
      .replace(/[Øø]/g, 'o')
      .replace(/ß/g, 'ss')
      .replace(/[ıİ]/g, 'i')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '');
  return `${fold(first)}.${fold(last)}`;
}
