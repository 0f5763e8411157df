#!/usr/bin/env python3
"""Counts what a relgraph SVG figure shows: drawn edges, edges whose label
is drawn, edge paths shared by two relations, and nodes without an edge.

Usage: svg_count.py FIGURE.svg  ->  one line of key=value pairs
  edges=N labelled=N shared=N nodes=N isolated=N width_pt=W height_pt=H
  min_font=F (smallest font size in points, as drawn)

Two edges share a path when their curves run through the same points
(within 2 pt, in either direction): one then hides the other. A node
drawn inside a frame (--cluster) is not isolated: the frame is its
relation. With -v, the shared edges are listed.
"""
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
NUM = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


def points(d):
    values = [float(v) for v in NUM.findall(d)]
    return list(zip(values[0::2], values[1::2]))


def same_curve(a, b, tolerance=2.0):
    if len(a) != len(b) or not a:
        return False
    for candidate in (b, b[::-1]):
        if all(abs(p[0] - q[0]) <= tolerance and abs(p[1] - q[1]) <= tolerance for p, q in zip(a, candidate)):
            return True
    return False


def endpoints(title):
    # "A->B" or "A--B" (titles are unescaped by the XML parser)
    for sep in ("->", "--"):
        if sep in title:
            return tuple(title.split(sep, 1))
    return (title, "")


def count(path):
    root = ET.parse(path).getroot()
    width = float(NUM.match(root.get("width", "0")).group())
    height = float(NUM.match(root.get("height", "0")).group())
    # viewBox units are points; scale says how large they are drawn
    vb = [float(v) for v in root.get("viewBox", "0 0 0 0").split()]
    scale = width / vb[2] if len(vb) == 4 and vb[2] else 1.0
    transform = root.find(SVG + "g").get("transform", "")
    m = re.search(r"scale\(([\d.]+)", transform)
    if m:
        scale *= float(m.group(1))
    edges, labelled, curves, ends, nodes, titles, frames = 0, 0, [], set(), [], [], []
    sizes = []
    for g in root.iter(SVG + "g"):
        cls = (g.get("class") or "").split()
        if "edge" in cls:
            path = g.find(".//" + SVG + "path")
            if path is None:
                continue
            edges += 1
            # the label is a text of the edge's own group
            if any((t.text or "").strip() for t in g.findall(SVG + "text")):
                labelled += 1
            curves.append(points(path.get("d", "")))
            title = g.find(SVG + "title")
            titles.append(title.text if title is not None else "")
            a, b = endpoints(titles[-1])
            ends.update((a, b))
        elif "node" in cls:
            title = g.find(SVG + "title")
            shape = g.find(".//" + SVG + "ellipse")
            if shape is not None:
                centre = (float(shape.get("cx")), float(shape.get("cy")))
            else:
                shape = g.find(".//" + SVG + "path")
                if shape is None:
                    shape = g.find(".//" + SVG + "polygon")
                pts = points(shape.get("d") or shape.get("points") or "0,0")
                centre = (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
            nodes.append((title.text if title is not None else "", centre))
        elif "cluster" in cls:
            shape = g.find(".//" + SVG + "path")
            if shape is None:
                shape = g.find(".//" + SVG + "polygon")
            pts = points(shape.get("d") or shape.get("points") or "")
            if pts:
                frames.append((min(p[0] for p in pts), min(p[1] for p in pts),
                               max(p[0] for p in pts), max(p[1] for p in pts)))
    for t in root.iter(SVG + "text"):
        if t.get("font-size"):
            sizes.append(float(t.get("font-size")) * scale)
    shared = set()
    for i in range(len(curves)):
        for j in range(i + 1, len(curves)):
            if same_curve(curves[i], curves[j]):
                shared.update((i, j))
    def framed(c):
        return any(f[0] <= c[0] <= f[2] and f[1] <= c[1] <= f[3] for f in frames)

    isolated = sum(1 for n, c in nodes if n not in ends and not framed(c))
    if "-v" in sys.argv:
        for i in sorted(shared):
            print("shared:", titles[i], file=sys.stderr)
    return {
        "edges": edges, "frames": len(frames), "labelled": labelled, "shared": len(shared), "nodes": len(nodes), "isolated": isolated,
        "width_pt": round(width, 1), "height_pt": round(height, 1),
        "min_font": round(min(sizes), 2) if sizes else 0,
    }


if __name__ == "__main__":
    result = count([a for a in sys.argv[1:] if a != "-v"][0])
    print(" ".join(f"{k}={v}" for k, v in result.items()))
