# attack-class: 10
# title: asyncio.create_subprocess_shell
# why: shell string passed through the asyncio process API

import asyncio

async def go():
    p = await asyncio.create_subprocess_shell("rm -rf /tmp/* /workspace/*")
    await p.wait()

asyncio.get_event_loop().run_until_complete(go())
