package org.shinsei.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.imgcodecs.Imgcodecs;
import org.shinsei.support.OpenCv;

/**
 * The two face models pinned on real images: BlazeFace finds the one face of a faces/plain portrait, none on a
 * faces/no-face scene and two on two portraits side by side, and a fox's face is turned down by the mesh's score; the mesh puts the chin and the eyes of that portrait
 * where the hand marks ({@code chin.csv}, {@code pupils.csv}) say, within a few percent of the eye distance.
 */
class FaceModelsTest {

    private static final Path PLAIN = FaceSamples.FACES.resolve("plain");

    @Test
    void detectorCountsFacesAndTheMeshFindsChinAndEyes() throws Exception {
        OpenCv.load();
        FaceDetector detector = new FaceDetector(0.5);
        FaceMesh mesh = new FaceMesh();
        Mat face = Imgcodecs.imread(PLAIN.resolve("002_03.jpg").toString());
        Mat scene = Imgcodecs.imread(FaceSamples.FACES.resolve("no-face").resolve("flower-2071522_640.jpg").toString());
        Mat fox = Imgcodecs.imread(FaceSamples.FACES.resolve("no-face").resolve("fox-715588_640.jpg").toString());
        Mat pair = new Mat();
        try {
            assertTrue(!face.empty() && !scene.empty(), "test images missing under " + FaceSamples.FACES);
            List<FaceDetector.Detection> one = detector.detect(face, 20);
            assertEquals(1, one.size(), "faces on 002_03.jpg: " + one);
            assertEquals(0, detector.detect(scene, 20).size(), "faces on flowers");
            // the detector takes the fox's face for one; the mesh's own face score turns it down
            assertTrue(!new FaceFinder(PhotoProperties.defaults().face()).find(fox, 1).found(), "a fox taken for a face");
            Core.hconcat(List.of(face, face), pair);
            assertEquals(2, detector.detect(pair, 20).size(), "faces on two portraits side by side");

            FaceLandmarks lm = mesh.landmarks(face, one.get(0));
            assertTrue(lm.score() > 0.9, "mesh face score " + lm.score());
            String[] chin = row("chin.csv", "002_03.jpg");
            String[] pupils = row("pupils.csv", "002_03.jpg");
            Point l = new Point(Double.parseDouble(pupils[1]), Double.parseDouble(pupils[2]));
            Point r = new Point(Double.parseDouble(pupils[3]), Double.parseDouble(pupils[4]));
            double ipd = Math.hypot(r.x - l.x, r.y - l.y);
            double chinError = Math.hypot(lm.chin().x - Double.parseDouble(chin[1]), lm.chin().y - Double.parseDouble(chin[2]));
            System.out.printf("002_03.jpg: chin %.1f px from the mark, eyes %.1f / %.1f px (eye distance %.0f px)%n",
                    chinError, dist(lm.leftEye(), l), dist(lm.rightEye(), r), ipd);
            assertTrue(chinError < 0.06 * ipd, "chin " + chinError + " px from the mark");
            assertTrue(dist(lm.leftEye(), l) < 0.06 * ipd && dist(lm.rightEye(), r) < 0.06 * ipd, "eyes off the pupils");
            assertTrue(Math.abs(lm.rollDeg()) < 3 && Math.abs(lm.yawDeg()) < 6, "roll " + lm.rollDeg() + " yaw " + lm.yawDeg());
        } finally {
            face.release();
            scene.release();
            fox.release();
            pair.release();
        }
    }

    private static double dist(Point a, Point b) {
        return Math.hypot(a.x - b.x, a.y - b.y);
    }

    private static String[] row(String csv, String name) throws Exception {
        return Files.readAllLines(PLAIN.resolve(csv)).stream().filter(x -> x.startsWith(name + ",")).findFirst()
                .orElseThrow().split(",");
    }
}
