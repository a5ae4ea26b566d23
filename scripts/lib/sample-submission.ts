// A valid initiative as a partner would submit it (fits the fixture territory and
// vocabularies), and a submitter: for submission tests and the submissions benchmark.
export const sampleInitiative = {
  name: 'Atelier tablette de Marcinelle',
  kind: 'permanence',
  summary: 'On vous aide à utiliser votre tablette. Gratuit, sans rendez-vous.',
  organisation: { name: 'Association des Amis' },
  services: ['aide-demarches-administratives'],
  publics: ['tout-public'],
  languages: ['fr'],
  access: { cost: 'gratuit', appointment: 'sans', modes: ['se-presenter'], accessibility: [] },
  address: { street: 'Rue du Parc 3', postcode: '6001', locality: 'Marcinelle', commune: 'charleroi' },
  geo: { lat: 50.389, lng: 4.433 },
  hours: 'We 14:00-16:00',
};

export const sampleSubmitter = { name: 'Awa Diallo', email: 'awa@example.be', organisation: 'Amis de Marcinelle' };
