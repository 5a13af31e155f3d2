#!/usr/bin/env bash
# Creates a vendor's Ed25519 key pair for signing Atrium licences, with standard OpenSSL 3.
#   licence-keygen.sh DIR KEY_ID
# Writes DIR/KEY_ID.pem (the private key: keep it secret, never on a customer's server) and prints
# the line to add to the customers' atrium.license.public-keys: KEY_ID:<base64 public key>.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: licence-keygen.sh DIR KEY_ID" >&2; exit 2; }
dir="$1" key_id="$2"
[[ "$key_id" =~ ^[A-Za-z0-9._-]+$ ]] || { echo "licence-keygen: KEY_ID may hold letters, digits, . _ -" >&2; exit 2; }
mkdir -p "$dir"
umask 077
openssl genpkey -algorithm ed25519 -out "$dir/$key_id.pem"
echo "$key_id:$(openssl pkey -in "$dir/$key_id.pem" -pubout -outform DER | base64 -w0)"
