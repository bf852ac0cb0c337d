"""Max-pressure signal control written the way the CityFlow research repositories write it
(PressLight/MPLight/XLight style: read the roadnet, drive ``cityflow.Engine``), under the CityFlow
benchmark protocol of citybrain's docs/traffic-protocol.md: pressure = sum over a phase's lane
links of vehicles on the start lane minus vehicles on the end lane; decide at t = 0 and when the
held time expires; keep the phase on a tie, else the lowest-index maximum; a change shows phase 0
for 5 s and then the new phase for 15 s; each intersection on its own timer.

    python3 max_pressure.py CONFIG.json [--steps 3600] [--episodes 1]

Prints one JSON line: average travel time, steps, wall seconds, steps per second.
"""

import argparse
import json
import os
import time

import cityflow

YELLOW, MIN_GREEN, INTERVAL = 5, 15, 15


def load_intersections(config_path):
    with open(config_path) as f:
        config = json.load(f)
    # citybrain resolves dir against the config's folder (CityFlow: against the working folder;
    # the same when run from the config's folder)
    base = os.path.join(os.path.dirname(os.path.abspath(config_path)), config["dir"])
    with open(os.path.join(base, config["roadnetFile"])) as f:
        roadnet = json.load(f)
    inters = []
    for inter in roadnet["intersections"]:
        if inter["virtual"] or not inter["trafficLight"]["lightphases"]:
            continue
        links = []
        for rl in inter["roadLinks"]:
            links.append([("%s_%d" % (rl["startRoad"], ll["startLaneIndex"]),
                           "%s_%d" % (rl["endRoad"], ll["endLaneIndex"])) for ll in rl["laneLinks"]])
        phases = [p["availableRoadLinks"] for p in inter["trafficLight"]["lightphases"]]
        inters.append({"id": inter["id"], "links": links, "phases": phases,
                       "phase": 0, "until": 0, "mode": "green", "next": 0})
    return inters


def pressure(inter, phase, counts):
    return sum(counts[a] - counts[b] for rl in inter["phases"][phase] for a, b in inter["links"][rl])


def choose(inter, counts):
    greens = range(1, len(inter["phases"]))
    best = max(greens, key=lambda p: (pressure(inter, p, counts), -p))
    if inter["phase"] in greens and pressure(inter, inter["phase"], counts) == pressure(inter, best, counts):
        return inter["phase"]
    return best


def run_episode(eng, inters, steps):
    for inter in inters:
        inter.update(phase=0, until=0, mode="green", next=0)
    for t in range(steps):
        counts = None
        for inter in inters:
            if t != 0 and t < inter["until"]:
                continue
            if t != 0 and inter["mode"] == "yellow":
                inter.update(phase=inter["next"], mode="green", until=t + MIN_GREEN)
                eng.set_tl_phase(inter["id"], inter["phase"])
                continue
            if counts is None:
                counts = eng.get_lane_vehicle_count()
            p = choose(inter, counts)
            if t == 0:
                inter.update(phase=p, until=t + MIN_GREEN)
                eng.set_tl_phase(inter["id"], p)
            elif p == inter["phase"]:
                inter["until"] = t + INTERVAL
            else:
                inter.update(phase=0, mode="yellow", next=p, until=t + YELLOW)
                eng.set_tl_phase(inter["id"], 0)
        eng.next_step()
    return eng.get_average_travel_time()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("config")
    ap.add_argument("--steps", type=int, default=3600)
    ap.add_argument("--episodes", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    inters = load_intersections(args.config)
    eng = cityflow.Engine(args.config, thread_num=args.threads)
    start = time.perf_counter()
    atts = []
    for episode in range(args.episodes):
        if episode > 0:
            eng.reset()
        atts.append(run_episode(eng, inters, args.steps))
    wall = time.perf_counter() - start
    print(json.dumps({"averageTravelTime": atts[-1], "episodes": args.episodes,
                      "allEqual": all(a == atts[0] for a in atts), "steps": args.steps * args.episodes,
                      "wallSeconds": wall, "stepsPerSecond": args.steps * args.episodes / wall,
                      "episodesPerSecond": args.episodes / wall}))


if __name__ == "__main__":
    main()
