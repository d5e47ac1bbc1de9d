# attack-class: 11
# title: http.server serving the filesystem
# why: opens a listening port that serves every readable file

import http.server
import socketserver

handler = http.server.SimpleHTTPRequestHandler
with socketserver.TCPServer(("0.0.0.0", 8000), handler) as httpd:
    httpd.serve_forever()
