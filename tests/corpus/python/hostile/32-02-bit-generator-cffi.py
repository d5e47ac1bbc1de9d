# attack-class: 32
# title: a random bit generator's cffi interface
# why: the cffi attribute imports cffi, which loads native code
import numpy as np

gen = np.random.PCG64(42)
ffi_iface = gen.cffi
print(ffi_iface.state_address)
