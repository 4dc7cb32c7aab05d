import type { PlaceCardData } from '../../src/domain/events.js';

/**
 * A place card's data as the card builders get it: A12 of Koivukoti, freed on 16.11., preliminarily reserved by
 * Mikko for Länsi-Uudenmaan hyvinvointialue (the reserve choice it offers). The card specs vary it with spreads.
 */
export const reservedPlaceCard: PlaceCardData = {
  placeId: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  version: 3,
  careHomeId: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
  careHomeName: 'Koivukoti',
  region: 'etela-suomi',
  label: 'A12',
  serviceType: 'ymparivuorokautinen',
  customerGroup: 'ikaantyneet',
  status: 'alustavasti-varattu',
  freeFrom: '2026-11-16',
  freedBy: { id: 'u1', name: 'Kaisa Kotijohtaja' },
  freedAt: '2026-11-23T08:00:00.000Z',
  reservedForCustomerId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  reservedForName: 'Länsi-Uudenmaan hyvinvointialue',
  reservedBy: { id: 'u2', name: 'Mikko Myyntipäällikkö' },
  reservedAt: '2026-11-23T09:00:00.000Z',
  reserveChoices: [{ id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Länsi-Uudenmaan hyvinvointialue' }],
};
