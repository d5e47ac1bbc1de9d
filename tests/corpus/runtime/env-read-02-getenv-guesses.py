# runtime-limit: env-read
# attack-class: 27
# title: probe likely secret names with os.getenv
# why: os.getenv is allowed

import os

for name in ("OPENAI_API_KEY", "DATABASE_URL", "OLLAMA_HOST", "AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN", "API_TOKEN"):
    print(name, os.getenv(name))
