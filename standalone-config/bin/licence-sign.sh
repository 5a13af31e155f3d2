#!/usr/bin/env bash
# Signs an Atrium licence, with standard OpenSSL 3 (Ed25519 over the exact payload bytes).
#   licence-sign.sh PAYLOAD.json PRIVATE_KEY.pem KEY_ID > licence.json
# PAYLOAD.json is the licence's content (see docs/licensing.md); the output is the file an
# administrator uploads: {"Payload":"<base64 of PAYLOAD.json>","Signature":"<base64>","KeyId":"KEY_ID"}.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: licence-sign.sh PAYLOAD.json PRIVATE_KEY.pem KEY_ID" >&2; exit 2; }
payload="$1" key="$2" key_id="$3"
[[ "$key_id" =~ ^[A-Za-z0-9._-]+$ ]] || { echo "licence-sign: KEY_ID may hold letters, digits, . _ -" >&2; exit 2; }
signature="$(openssl pkeyutl -sign -rawin -inkey "$key" -in "$payload" | base64 -w0)"
printf '{"Payload":"%s","Signature":"%s","KeyId":"%s"}\n' "$(base64 -w0 < "$payload")" "$signature" "$key_id"
