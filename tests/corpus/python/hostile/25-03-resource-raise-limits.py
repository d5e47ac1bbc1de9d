# attack-class: 25
# title: resource.setrlimit to lift limits before a bomb
# why: resource is not an allowed module; raising soft limits defeats in-process caps

import resource

resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
resource.setrlimit(resource.RLIMIT_NPROC, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
blob = bytearray(8 * 1024 ** 3)
