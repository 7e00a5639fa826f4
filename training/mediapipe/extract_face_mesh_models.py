#!/usr/bin/python3
"""Extracts MediaPipe's face models from the npm package @mediapipe/face_mesh (Apache-2.0).

The package ships its TFLite models packed into one file, face_mesh_solution_packed_assets.data; the byte range of
each model is listed in face_mesh_solution_packed_assets_loader.js. Run from an empty folder:

    npm pack @mediapipe/face_mesh@0.4.1657299874 && tar xzf mediapipe-face_mesh-0.4.1657299874.tgz
    /usr/bin/python3 training/mediapipe/extract_face_mesh_models.py package src/main/resources/models

and record the SHA-256 it prints in src/main/resources/models/README.md.
"""
import hashlib
import json
import pathlib
import re
import sys

WANTED = {
    "/third_party/mediapipe/modules/face_landmark/face_landmark.tflite": "face_landmark.tflite",
    "/third_party/mediapipe/modules/face_detection/face_detection_short_range.tflite":
        "face_detection_short_range.tflite",
}


def main(package: pathlib.Path, out: pathlib.Path) -> None:
    loader = (package / "face_mesh_solution_packed_assets_loader.js").read_text()
    files = json.loads(re.search(r'"files":\s*(\[.*?\])', loader).group(1))
    data = (package / "face_mesh_solution_packed_assets.data").read_bytes()
    out.mkdir(parents=True, exist_ok=True)
    for f in files:
        name = WANTED.get(f["filename"])
        if name:
            blob = data[f["start"]:f["end"]]
            (out / name).write_bytes(blob)
            print(f"{name} {len(blob)} bytes sha256 {hashlib.sha256(blob).hexdigest()}")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]))
