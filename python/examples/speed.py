"""Speed of citybrain's cityflow package: steps per second with the observations RL code reads,
and episodes per second for the reset-and-rerun loop of training.

    python3 speed.py CONFIG.json [--steps 3600] [--episodes 3]

Prints one JSON line per mode:
- bare: next_step only;
- counts: + get_lane_vehicle_count and get_lane_waiting_vehicle_count every step (MPLight, PressLight);
- full: + get_lane_vehicles, get_vehicle_speed and get_vehicle_distance every step (the XLight
  family's per-step update);
- episodes: reset then a full episode of next_step, as often as --episodes.
"""

import argparse
import json
import time

import cityflow


def timed(eng, steps, observe):
    eng.reset()
    start = time.perf_counter()
    for _ in range(steps):
        eng.next_step()
        observe(eng)
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("config")
    ap.add_argument("--steps", type=int, default=3600)
    ap.add_argument("--episodes", type=int, default=3)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    eng = cityflow.Engine(args.config, thread_num=args.threads)
    timed(eng, 600, lambda e: None)  # warm-up of the JVM's compiler

    def counts(e):
        e.get_lane_vehicle_count()
        e.get_lane_waiting_vehicle_count()

    def full(e):
        counts(e)
        e.get_lane_vehicles()
        e.get_vehicle_speed()
        e.get_vehicle_distance()

    for name, observe in (("bare", lambda e: None), ("counts", counts), ("full", full)):
        wall = timed(eng, args.steps, observe)
        print(json.dumps({"mode": name, "steps": args.steps, "wallSeconds": round(wall, 3),
                          "stepsPerSecond": round(args.steps / wall, 1)}))
    start = time.perf_counter()
    for _ in range(args.episodes):
        eng.reset()
        for _ in range(args.steps):
            eng.next_step()
    wall = time.perf_counter() - start
    print(json.dumps({"mode": "episodes", "episodes": args.episodes, "steps": args.steps,
                      "wallSeconds": round(wall, 3), "episodesPerSecond": round(args.episodes / wall, 3)}))


if __name__ == "__main__":
    main()
