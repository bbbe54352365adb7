#!/usr/bin/env python3
"""Executes one notebook headlessly on a Jupyter kernel, relaunching kernels that never answer.

    relaunching_kernel.py NOTEBOOK.ipynb EXECUTED.ipynb [--kernel NAME] [--timeout SECONDS]
                          [--first-wait SECONDS] [--launches N]

Why not plain `jupyter nbconvert --execute`: about one launch in three of the rapaio Java kernel
never answers kernel_info (silent, or its Shell-0 thread dies of a NullPointerException in
Channels.getHandler: the request came before its handlers were registered), and that kernel also
never answers a second connection made with the same session, so nbconvert's own retry (a new client on the same kernel) cannot help. This driver
starts the kernel with jupyter_client's AsyncKernelManager, waits for a kernel_info reply (30, 60,
90, then 120 s: a loaded machine starts the JVM slowly), and when none comes shuts that kernel down
and launches a new one with a new kernel manager, so fresh ports, a fresh connection file and a
fresh session. The client that got the reply is the one nbclient's NotebookClient then runs the
cells with: no second connection is made. (nbconvert >= 6 executes through nbclient, so nbclient is
what it needs: Debian's python3-nbclient, pulled in by jupyter-nbconvert.)

Prints "relaunching_kernel: kernel answered on launch K of N" to stderr. Exit status: 0 when every
cell ran, 1 when a cell failed (its error on stderr) or timed out, 2 on bad arguments, 3 when no
launch answered. The kernel runs in the notebook's folder, as under Jupyter.
"""
import argparse
import asyncio
import os
import sys

try:
    import nbformat
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError
except ImportError as e:  # the caller (Ipynb.python) probes for these; say which one is missing
    print("relaunching_kernel: python module %s is missing (%s)" % (e.name, sys.executable), file=sys.stderr)
    sys.exit(2)


def waits(first, launches):
    """Seconds to wait for kernel_info on each launch: first, then 60, 90, 120 (at most 120)."""
    return [first] + [min(120, 30 * (i + 1)) for i in range(1, launches)]


def say(text):
    print("relaunching_kernel: " + text, file=sys.stderr, flush=True)


async def answered_kernel(kernel, cwd, wait_list):
    """A started kernel manager and a client that has had its kernel_info reply, and the launch number."""
    for launch, wait in enumerate(wait_list, start=1):
        km = AsyncKernelManager(kernel_name=kernel)  # new manager: new ports, connection file, session
        await km.start_kernel(cwd=cwd)
        kc = km.client()
        kc.start_channels()
        try:
            await kc.wait_for_ready(timeout=wait)
            return km, kc, launch
        except (RuntimeError, TimeoutError) as e:
            say("launch %d of %d: no kernel_info reply in %d s (%s); shutting it down"
                % (launch, len(wait_list), wait, e))
            kc.stop_channels()
            try:
                await km.shutdown_kernel(now=True)
            except Exception as shutdown_error:  # already dead: nothing left to stop
                say("shutdown: %s" % shutdown_error)
    return None, None, len(wait_list)


async def run(args):
    nb = nbformat.read(args.notebook, as_version=4)
    kernel = args.kernel or nb.metadata.get("kernelspec", {}).get("name")
    if not kernel:
        say("%s names no kernelspec; pass --kernel" % args.notebook)
        return 2
    cwd = os.path.dirname(os.path.abspath(args.notebook))
    km, kc, launches = await answered_kernel(kernel, cwd, waits(args.first_wait, args.launches))
    if km is None:
        say("no kernel answered in %d launches" % launches)
        return 3
    say("kernel answered on launch %d of %d" % (launches, args.launches))
    client = NotebookClient(nb, km=km, kernel_name=kernel, timeout=args.timeout,
                            startup_timeout=args.timeout, resources={"metadata": {"path": cwd}})
    kc.allow_stdin = False
    client.kc = kc  # the client that already had its reply: NotebookClient makes no other
    status = 0
    try:
        await client.async_execute()
        nbformat.write(nb, args.executed)
    except (CellExecutionError, CellTimeoutError) as e:
        say("a cell failed:\n%s" % e)
        status = 1
    finally:
        kc.stop_channels()
        try:
            await km.shutdown_kernel(now=False)
        except Exception as e:
            say("shutdown: %s" % e)
    return status


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("notebook")
    p.add_argument("executed")
    p.add_argument("--kernel", help="kernelspec name (default: the notebook's)")
    p.add_argument("--timeout", type=int, default=300, help="seconds per cell (default 300)")
    p.add_argument("--first-wait", type=int, default=30,
                   help="seconds the first launch gets to answer (default 30; later ones 60, 90, 120)")
    p.add_argument("--launches", type=int, default=4, help="kernel launches at most (default 4)")
    args = p.parse_args()
    if args.launches < 1 or args.first_wait < 1 or args.timeout < 1:
        p.error("--launches, --first-wait and --timeout must be positive")
    sys.exit(asyncio.run(run(args)))


if __name__ == "__main__":
    main()
