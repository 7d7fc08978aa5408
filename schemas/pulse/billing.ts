import { integer, jsonb, rpc, sql, table, text, timestamptz, uuid } from 'pgform';
import { adminManagePolicy, adminViewPolicy, currentUser, ownerColumn, ownRowPolicies, serviceRolePolicy, timestamps, updatedAtTrigger } from './common.js';

const group = 'Billing & Credits';

const creditTransactionTypes = ['purchase', 'subscription_grant', 'monthly_reset', 'usage', 'refund', 'bonus', 'referral', 'adjustment'] as const;

export const deductCredits = rpc('deduct_credits', {
  group,
  description:
    'Atomically spends credits for a feature: decrements user_credits.balance when enough credits remain (else raises insufficient_credits), logs a usage row in credit_transactions and returns the new balance. Service role only (Edge Functions)',
  args: {
    p_user_id: 'text',
    p_amount: 'integer',
    p_feature: 'text',
    p_description: { type: 'text', default: sql`NULL` },
    p_reference_id: { type: 'text', default: sql`NULL` },
  },
  returns: 'integer',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_balance integer;
BEGIN
  IF p_amount IS NULL OR p_amount <= 0 THEN
    RAISE EXCEPTION 'credit amount must be positive, got %', p_amount USING ERRCODE = '22023';
  END IF;

  UPDATE public.user_credits uc
  SET balance = uc.balance - p_amount,
      lifetime_spent = uc.lifetime_spent + p_amount
  WHERE uc.user_id = p_user_id
    AND uc.balance >= p_amount
  RETURNING uc.balance INTO v_balance;

  IF NOT FOUND THEN
    IF NOT EXISTS (SELECT 1 FROM public.user_credits uc WHERE uc.user_id = p_user_id) THEN
      RAISE EXCEPTION 'no credit account for user %', p_user_id USING ERRCODE = 'P0002';
    END IF;
    RAISE EXCEPTION 'insufficient_credits' USING ERRCODE = 'P0001', HINT = format('%s credits needed for %s', p_amount, p_feature);
  END IF;

  INSERT INTO public.credit_transactions (user_id, amount, balance_after, transaction_type, feature, description, reference_id)
  VALUES (p_user_id, -p_amount, v_balance, 'usage', p_feature, p_description, p_reference_id);

  RETURN v_balance;
END;
`,
  grants: ['service_role'],
});

export const addCredits = rpc('add_credits', {
  group,
  description:
    'Grants credits (purchase, subscription grant, bonus, referral, refund, adjustment): increments the balance (creating the user_credits row if needed), logs credit_transactions and returns the new balance. Service role only',
  args: {
    p_user_id: 'text',
    p_amount: 'integer',
    p_transaction_type: { type: 'text', default: sql`'purchase'::text` },
    p_description: { type: 'text', default: sql`NULL` },
    p_reference_id: { type: 'text', default: sql`NULL` },
  },
  returns: 'integer',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_balance integer;
BEGIN
  IF p_amount IS NULL OR p_amount <= 0 THEN
    RAISE EXCEPTION 'credit amount must be positive, got %', p_amount USING ERRCODE = '22023';
  END IF;
  IF p_transaction_type = 'usage' THEN
    RAISE EXCEPTION 'use deduct_credits() for usage' USING ERRCODE = '22023';
  END IF;

  INSERT INTO public.user_credits AS uc (user_id, balance, lifetime_earned)
  VALUES (p_user_id, p_amount, p_amount)
  ON CONFLICT (user_id) DO UPDATE
  SET balance = uc.balance + EXCLUDED.balance,
      lifetime_earned = uc.lifetime_earned + EXCLUDED.lifetime_earned
  RETURNING uc.balance INTO v_balance;

  INSERT INTO public.credit_transactions (user_id, amount, balance_after, transaction_type, description, reference_id)
  VALUES (p_user_id, p_amount, v_balance, p_transaction_type, p_description, p_reference_id);

  RETURN v_balance;
END;
`,
  grants: ['service_role'],
});

export const creditTransactions = table('credit_transactions', {
  group,
  description: 'Credit transaction history: an append-only ledger of every credit granted (positive amount) or spent (negative amount)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    amount: integer().notNull().check(sql`amount <> 0`).describe('Credits added (positive) or spent (negative)'),
    balance_after: integer().notNull().check(sql`balance_after >= 0`).describe('Balance after the transaction'),
    transaction_type: text().notNull().oneOf(creditTransactionTypes).describe('Kind of transaction'),
    feature: text().describe("Feature that consumed credits (e.g. 'role_play', 'content_generation', 'voice_call')"),
    description: text().describe('Human-readable description'),
    reference_id: text().describe('Id of the related object (session, content, Stripe event)'),
    stripe_payment_intent_id: text().unique().describe('Stripe payment for purchases'),
    metadata: jsonb().notNull().default({}).describe('Other data'),
    created_at: timestamptz().notNull().defaultNow().describe('When it happened'),
  },
  checks: { credit_transactions_sign_check: sql`(transaction_type = 'usage') = (amount < 0) OR transaction_type = 'adjustment'` },
  indexes: { idx_credit_transactions_user_created: { on: ['user_id', 'created_at DESC'] } },
  rls: true,
  policies: { ...ownRowPolicies('credit transactions', ['select']), ...adminViewPolicy('credit transactions'), ...serviceRolePolicy('credit transactions') },
});

export const referrals = table('referrals', {
  group,
  description: 'Referral program tracking: who referred whom, the reward state and credits granted',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    referrer_id: text().notNull().references('profiles', 'id', { onDelete: 'cascade' }).index().describe('Clerk id of the referring user'),
    referred_user_id: text().unique().references('profiles', 'id', { onDelete: 'set null' }).describe('Clerk id of the new user once signed up'),
    referral_code: text().notNull().index().describe("Code used (the referrer's profiles.referral_code)"),
    referred_email: text().describe('Email invited'),
    status: text().notNull().default('pending').oneOf(['pending', 'signed_up', 'converted', 'rewarded', 'expired']).describe('Referral state'),
    reward_credits: integer().notNull().default(0).check(sql`reward_credits >= 0`).describe('Credits granted to the referrer'),
    signed_up_at: timestamptz().describe('When the referred user signed up'),
    converted_at: timestamptz().describe('When the referred user became paying'),
    rewarded_at: timestamptz().describe('When the reward was granted'),
    ...timestamps(),
  },
  checks: { referrals_not_self_check: sql`referred_user_id IS NULL OR referred_user_id <> referrer_id` },
  triggers: updatedAtTrigger('referrals'),
  rls: true,
  policies: {
    'Users can view referrals they made or received': {
      for: 'select',
      to: 'authenticated',
      using: sql`referrer_id = ${currentUser} OR referred_user_id = ${currentUser}`,
    },
    'Users can create their own referrals': {
      for: 'insert',
      to: 'authenticated',
      withCheck: sql`referrer_id = ${currentUser} AND status = 'pending' AND reward_credits = 0`,
    },
    ...adminManagePolicy('referrals'),
  },
});
