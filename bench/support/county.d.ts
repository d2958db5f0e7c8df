/** Types of bench/support/county.js, which the server's tests import. */
interface OrganRow {
  id: number;
  name: string;
}
interface OrganServices {
  // A method (not a property) so that the services' narrower input type is accepted.
  organs: { create(actor: null, input: never): Promise<OrganRow> };
}
export declare function createCounty<S extends OrganServices>(
  services: S,
): Promise<{
  government: Awaited<ReturnType<S['organs']['create']>>;
  agency: Awaited<ReturnType<S['organs']['create']>>;
}>;
export declare function sampleIntake<T extends object = Record<string, unknown>>(
  overrides?: T,
): {
  channel: 'online';
  applicantKind: 'natural';
  applicantName: string;
  applicantIdNumber: string;
  applicantPhone: string;
  request: string;
  deliveryForm: 'electronic';
  deliveryWay: 'email';
  submittedOn: string;
  receivedOn: string;
} & T;
