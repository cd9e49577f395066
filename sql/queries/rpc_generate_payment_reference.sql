-- name: rpc_generate_payment_reference
-- journey: 1.3 Buyer submits to an order (SB3 web as the buyer, 2.9 % of the launch mix; SB3' bots through
--   the service role)
-- roles: authenticated, service_role
-- params: country_prefix
-- fixed: SELECT unnest(ARRAY['PH', 'MY']) AS country_prefix
-- shape: POST /rest/v1/rpc/generate_payment_reference {"country_prefix": "PH"|"MY"} (§0.5: the code passes
--   {order_id}, the SQL signature takes country_prefix)
-- note: Loops until no submissions row has the candidate reference; as the buyer the probe sees no rows
--   (RLS), so only the UNIQUE constraint would catch a collision.
WITH pgrst_source AS (
  SELECT public.generate_payment_reference(country_prefix := $1::text) AS pgrst_scalar
)
SELECT pg_catalog.count(_postgrest_t) AS page_total,
       coalesce((json_agg(_postgrest_t.pgrst_scalar) -> 0)::text, 'null') AS body
FROM (SELECT * FROM pgrst_source) AS _postgrest_t
