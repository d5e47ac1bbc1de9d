# attack-class: 10
# title: asyncio.create_subprocess_exec
# why: asyncio has its own process API that does not import subprocess by name

import asyncio

async def main():
    proc = await asyncio.create_subprocess_exec("sh", "-c", "cat /etc/shadow",
                                                stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    print(out.decode())

asyncio.run(main())
