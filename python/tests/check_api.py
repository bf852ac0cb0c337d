"""Checks citybrain's cityflow package against CityFlow's API semantics on one config.

    python3 check_api.py CONFIG.json

Exits non-zero with a message on the first failed check; prints "api checks passed" otherwise.
"""

import os
import sys
import tempfile

import cityflow


def check(cond, what):
    if not cond:
        sys.exit("FAILED: " + what)


def state(eng):
    return (eng.get_current_time(), eng.get_vehicle_count(), eng.get_average_travel_time(),
            eng.get_lane_vehicle_count(), eng.get_lane_vehicles(), eng.get_vehicle_speed(),
            eng.get_vehicle_distance(), eng.get_lane_waiting_vehicle_count())


def main(config):
    eng = cityflow.Engine(config, thread_num=1)
    check(eng.get_current_time() == 0.0, "time starts at 0")
    for _ in range(300):
        eng.next_step()
    check(eng.get_current_time() == 300.0, "300 steps of 1 s")
    counts = eng.get_lane_vehicle_count()
    waiting = eng.get_lane_waiting_vehicle_count()
    lanes = eng.get_lane_vehicles()
    speeds = eng.get_vehicle_speed()
    distances = eng.get_vehicle_distance()
    check(set(counts) == set(lanes) == set(waiting), "the same lanes in every per-lane call")
    check(all(len(lanes[l]) == counts[l] for l in lanes), "lane vehicle lists match lane counts")
    check(all(0 <= waiting[l] <= counts[l] for l in lanes), "waiting vehicles are among the lane's")
    on_lanes = [v for l in lanes for v in lanes[l]]
    check(all(v in speeds and v in distances for v in on_lanes), "every lane vehicle has a speed and distance")
    check(set(speeds) == set(eng.get_vehicles()), "get_vehicles lists the vehicles with speeds")
    check(eng.get_vehicle_count() == len(speeds), "vehicle count = running vehicles (no lane changing here)")
    check(all(s >= 0 for s in speeds.values()), "speeds are >= 0")
    slow = sum(1 for l in lanes for v in lanes[l] if speeds[v] < 0.1)
    check(slow == sum(waiting.values()), "waiting = vehicles slower than 0.1 m/s")

    # signals: an unknown intersection is refused with its name
    try:
        eng.set_tl_phase("no_such_intersection", 1)
        check(False, "an unknown intersection is refused")
    except ValueError as e:
        check("no_such_intersection" in str(e), "the message names the intersection")
    eng.set_tl_phase("intersection_1_1", 2)

    # snapshot / load: the same future from the same state
    snap = eng.snapshot()
    for _ in range(120):
        eng.next_step()
    after = state(eng)
    eng.load(snap)
    check(eng.get_current_time() == 300.0, "load restores the time")
    for _ in range(120):
        eng.next_step()
    check(state(eng) == after, "the same state 120 s after the snapshot, loaded or not")
    path = os.path.join(tempfile.mkdtemp(), "snap.json")
    snap.dump(path)
    eng.load_from_file(path)
    for _ in range(120):
        eng.next_step()
    check(state(eng) == after, "the same state from a snapshot file")

    # reset: the same run again
    eng.reset()
    check(eng.get_current_time() == 0.0 and eng.get_vehicle_count() == 0, "reset goes back to time 0, empty")

    # bad input names the file
    try:
        cityflow.Engine(os.path.join(tempfile.mkdtemp(), "missing.json"), 1)
        check(False, "a missing config is refused")
    except ValueError as e:
        check("missing.json" in str(e), "the message names the missing file: " + str(e))
    print("api checks passed")


if __name__ == "__main__":
    main(sys.argv[1])
