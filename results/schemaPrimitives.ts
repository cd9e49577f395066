import { z } from 'zod';

/** Field shapes every part of the results model shares. */
export const isoDateTime = z.iso.datetime({ offset: true });
export const count = z.number().int().nonnegative();
export const ms = z.number().nonnegative();
export const percent = z.number().min(0).max(100);
