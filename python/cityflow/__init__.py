"""CityFlow's Python API (``import cityflow``) over citybrain's Java traffic engine.

Research code written for CityFlow (https://github.com/cityflow-project/CityFlow, commit 81ee0f4)
runs unchanged: ``cityflow.Engine(config_file, thread_num)`` and the calls below behave as
CityFlow's do (see ``docs/python-api.md``). The engine is citybrain's, reached through JPype
(Debian's ``python3-jpype``); nothing is downloaded at run time.

The Java side is the citybrain jar: ``CITYBRAIN_JAR`` names it, else ``cli/target/citybrain.jar``
of the source tree this package lives in (build it with ``mvn -B -DskipTests package``).
"""

import json
import os

import jpype

__all__ = ["Engine", "Archive"]

_ENGINE_CLASS = "io.citybrain.traffic.api.CityFlowEngine"


def _jar_path():
    jar = os.environ.get("CITYBRAIN_JAR")
    if not jar:
        here = os.path.dirname(os.path.abspath(__file__))
        jar = os.path.join(here, os.pardir, os.pardir, "cli", "target", "citybrain.jar")
    jar = os.path.normpath(jar)
    if not os.path.isfile(jar):
        raise FileNotFoundError(
            "citybrain jar not found at %s: set CITYBRAIN_JAR, or build it with "
            "'mvn -B -DskipTests package' at the root of the citybrain source tree" % jar)
    return jar


def _support_jar():
    # JPype's own Java half; Debian's python3-jpype installs it in /usr/share/java, where JPype
    # 1.4 does not look by itself
    for jar in ("/usr/share/java/org.jpype.jar",):
        if os.path.isfile(jar):
            return [jar]
    return []


def _engine_class():
    if not jpype.isJVMStarted():
        jpype.startJVM(classpath=_support_jar() + [_jar_path()], convertStrings=False)
    return jpype.JClass(_ENGINE_CLASS)


def _ints(java_array):
    # the buffer protocol copies the whole array at once into Python ints
    return memoryview(java_array).cast("B").cast("i").tolist()


def _floats(java_array):
    return memoryview(java_array).cast("B").cast("d").tolist()


def _split(packed, sep):
    return packed.split(sep) if packed else []


class Archive:
    """A snapshot of an engine's state (``Engine.snapshot()``); ``dump(path)`` writes it."""

    def __init__(self, data):
        self._data = [int(x) for x in data]

    def dump(self, path):
        """Writes the snapshot to ``path`` as JSON."""
        with open(path, "w") as f:
            json.dump({"format": "citybrain-snapshot-1", "data": self._data}, f)


class Engine:
    """A simulation of a CityFlow ``config.json`` (roadnet, flow, interval, seed, rlTrafficLight,
    laneChange, saveReplay). Invalid input raises ``ValueError`` naming the file, field and what
    was expected."""

    def __init__(self, config_file="", thread_num=1):
        cls = _engine_class()
        try:
            self._e = cls(str(config_file), int(thread_num))
        except jpype.JException as e:
            raise ValueError(str(e.getMessage())) from None
        self._lanes = [str(x) for x in self._e.laneIds()]
        self._ids_at = None
        self._ids = []

    # ------------------------------------------------------------ stepping and time

    def next_step(self):
        """Advances one step of the config's interval."""
        self._e.nextStep()

    def get_current_time(self):
        """Simulated time, s."""
        return float(self._e.getCurrentTime())

    def reset(self, seed=False):
        """Back to time 0 with flows rewound; the config's seed restarts the random stream
        (``seed`` is accepted for compatibility: the stream always restarts)."""
        self._e.reset()
        self._ids_at = None

    # ------------------------------------------------------------ vehicles and lanes

    def get_vehicle_count(self):
        """Vehicles running, lane-change shadows included (as CityFlow counts them)."""
        return int(self._e.getVehicleCount())

    def _vehicle_ids(self):
        # one conversion per step, shared by the per-vehicle calls of that step
        now = self._e.getCurrentTime()
        if self._ids_at != now:
            self._ids = _split(str(self._e.vehicleIdsPacked()), ",")
            self._ids_at = now
        return self._ids

    def get_vehicles(self, include_waiting=False):
        """Ids of the running vehicles (waiting vehicles are not listed: ``include_waiting`` is
        accepted for compatibility)."""
        return list(self._vehicle_ids())

    def get_lane_vehicle_count(self):
        """{lane id: vehicles on it}, shadows included."""
        return dict(zip(self._lanes, _ints(self._e.laneVehicleCounts())))

    def get_lane_waiting_vehicle_count(self):
        """{lane id: vehicles slower than 0.1 m/s on it}."""
        return dict(zip(self._lanes, _ints(self._e.laneWaitingVehicleCounts())))

    def get_lane_vehicles(self):
        """{lane id: [vehicle ids, front first]}, shadows included as ``<id>_shadow``."""
        packed = str(self._e.laneVehiclesPacked()).split(";")
        return {lane: _split(ids, ",") for lane, ids in zip(self._lanes, packed)}

    def get_vehicle_speed(self):
        """{vehicle id: speed, m/s} of the running vehicles."""
        return dict(zip(self._vehicle_ids(), _floats(self._e.vehicleSpeeds())))

    def get_vehicle_distance(self):
        """{vehicle id: distance of its front from the start of its lane or lane link, m}."""
        return dict(zip(self._vehicle_ids(), _floats(self._e.vehicleDistances())))

    def get_average_travel_time(self):
        """CityFlow's average travel time, s: finished trips plus the time so far of every
        vehicle spawned and not finished."""
        return float(self._e.getAverageTravelTime())

    # ------------------------------------------------------------ signals

    def set_tl_phase(self, intersection_id, phase_id):
        """Sets an intersection's phase (index into its ``lightphases``) from the next step on."""
        try:
            self._e.setTrafficLightPhase(str(intersection_id), int(phase_id))
        except jpype.JException as e:
            raise ValueError(str(e.getMessage())) from None

    # ------------------------------------------------------------ snapshots and replay

    def snapshot(self):
        """The state now, as an ``Archive``. Restoring re-simulates from time 0 (the engine is
        deterministic), so it is exact and costs the time to reach the snapshot."""
        return Archive(self._e.snapshot())

    def load(self, archive):
        """Restores a snapshot of this engine's scenario."""
        self._e.load(jpype.JArray(jpype.JInt)(archive._data))
        self._ids_at = None

    def load_from_file(self, path):
        """Restores a snapshot written by ``Archive.dump``."""
        with open(path) as f:
            data = json.load(f)
        if not isinstance(data, dict) or data.get("format") != "citybrain-snapshot-1":
            raise ValueError("%s: not a citybrain snapshot (expected format citybrain-snapshot-1)" % path)
        self.load(Archive(data["data"]))

    def set_save_replay(self, open_or_close):
        """Turns replay writing on or off."""
        self._e.setSaveReplay(bool(open_or_close))

    def set_replay_file(self, replay_file):
        """Sets the replay log file, relative to the config's ``dir``."""
        self._e.setReplayFile(str(replay_file))
