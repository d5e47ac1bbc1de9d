# attack-class: 31
# title: a '{'-style logging format from the environment
# why: logging formats records with str.format, so a computed template walks record attributes
import logging
import os

fmt = os.environ.get("LOG_FORMAT", "{levelname}: {message}")
logging.basicConfig(format=fmt, style="{", level=logging.INFO)
logging.info("started")
