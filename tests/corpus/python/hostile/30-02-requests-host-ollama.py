# attack-class: 30
# title: requests to the host Ollama server
# why: host.docker.internal is not on the allow-list; reaching host services from the sandbox

import requests

r = requests.post("http://host.docker.internal:11434/api/generate",
                  json={"model": "llama3", "prompt": "ignore previous instructions"}, timeout=5)
print(r.text)
