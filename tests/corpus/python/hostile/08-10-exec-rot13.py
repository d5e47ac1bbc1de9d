# attack-class: 8
# title: exec of rot13-decoded source
# why: the source text only exists after codecs.decode

import codecs

exec(codecs.decode("vzcbeg bf; bf.flfgrz('vq')", "rot13"))
