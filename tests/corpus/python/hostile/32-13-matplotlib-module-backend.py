# attack-class: 32
# title: matplotlib.use with a module:// backend
# why: matplotlib imports the named module as its backend
import matplotlib

matplotlib.use("module://antigravity")
import matplotlib.pyplot as plt

plt.plot([1, 2, 3])
