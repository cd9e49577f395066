import type { Country } from '../locale/country.ts';

/** `payment_gateway` enum: PayMongo serves the Philippines, Billplz Malaysia. */
export type Gateway = 'paymongo' | 'billplz';

export const GATEWAY_OF: Readonly<Record<Country, Gateway>> = { PH: 'paymongo', MY: 'billplz' };

/** Payment methods per gateway with their share of paid submissions. */
export const PAYMENT_METHODS: Readonly<Record<Gateway, readonly (readonly [string, number])[]>> = {
  paymongo: [['gcash', 56], ['paymaya', 22], ['card', 14], ['grab_pay', 8]],
  billplz: [['fpx', 52], ['touch_n_go', 28], ['boost', 8], ['card', 12]],
};

/** FPX banks Billplz lists (bank codes as Billplz reports them). */
export const FPX_BANKS = ['MB2U0227', 'BCBB0235', 'PBB0233', 'RHB0218', 'HLB0224', 'AMBB0209', 'BIMB0340', 'BKRM0602', 'BSN0601', 'UOB0226'] as const;

/** PayMongo failure codes seen on e-wallet and card payments. */
export const PAYMONGO_FAILURES = [
  ['insufficient_funds', 'Insufficient funds in the GCash wallet.'],
  ['payment_expired', 'The payment session expired before authorization.'],
  ['card_declined', 'The card was declined by the issuing bank.'],
  ['processor_blocked', 'The payment was blocked by the processor.'],
  ['generic_decline', 'The payment could not be completed.'],
] as const;

export const BILLPLZ_FAILURES = [
  ['fpx_rejected', 'FPX transaction rejected by bank.'],
  ['insufficient_funds', 'Insufficient balance in Touch \'n Go eWallet.'],
  ['session_timeout', 'Customer did not complete payment within the time limit.'],
  ['bank_unavailable', 'Bank is currently unavailable.'],
] as const;
