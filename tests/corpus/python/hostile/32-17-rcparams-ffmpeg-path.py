# attack-class: 32
# title: matplotlib animation writer path set to a script
# why: matplotlib runs the program named by animation.ffmpeg_path
import matplotlib.pyplot as plt

plt.rcParams["animation.ffmpeg_path"] = "/workspace/run.sh"
fig = plt.figure()
fig.savefig("/workspace/frame.png")
