package org.shinsei.photo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;
import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.form.MmRect;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.support.OpenCv;
import org.shinsei.support.PageRef;

/**
 * Speed of the photo stage on one core: scans made once from the shared faces (compliant prints and the defects of
 * the evaluation), then {@link PhotoInspector#examine} timed on each after a warm-up, with a breakdown by step.
 * Not a test (a timing is never asserted); run it on an idle machine:
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * OMP_THREAD_LIMIT=1 java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.shinsei.photo.PhotoBenchmark
 * </pre>
 */
public final class PhotoBenchmark {

    private PhotoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        OpenCv.load();
        org.opencv.core.Core.setNumThreads(1);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        FormLayout layout = LayoutLoader.loadDefault();
        PhotoProperties props = PhotoProperties.defaults();
        PhotoInspector inspector = new PhotoInspector(props, layout);
        List<PhotoCases.Case> cases = new PhotoCases(new Random(7), FaceSamples.plain()).build();
        Random rnd = new Random(11);
        List<RegisteredPage> pages = new ArrayList<>();
        for (int i = 0; i < cases.size(); i += 2) {
            PhotoCases.Case c = cases.get(i);
            Mat print = c.print().get();
            pages.add(MiniScan.scan(layout.photoBox(), print, c.paste(), MiniScan.Conditions.random(rnd), i));
            if (print != null) {
                print.release();
            }
        }
        for (int i = 0; i < Math.min(40, pages.size()); i++) {
            inspector.examine(pages.get(i), new PageRef("warm-up", 1));
        }
        double[] perForm = new double[pages.size() * rounds];
        double[] cpu = new double[pages.size() * rounds];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        int k = 0;
        for (int r = 0; r < rounds; r++) {
            for (RegisteredPage page : pages) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                inspector.examine(page, new PageRef("bench", 1));
                perForm[k] = (System.nanoTime() - t0) / 1e6;
                cpu[k++] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
            }
        }
        Arrays.sort(perForm);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "Photo stage benchmark: %d forms x %d rounds, one thread (OpenCV threads 1), "
                + "after %d warm-up forms%n", pages.size(), rounds, Math.min(40, pages.size()));
        System.out.printf(Locale.ROOT, "  CPU time per form: mean %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                Arrays.stream(cpu).average().orElse(0), cpu[cpu.length / 2], cpu[(int) (cpu.length * 0.95)],
                cpu[cpu.length - 1]);
        System.out.printf(Locale.ROOT, "  wall time per form: mean %.1f ms, median %.1f ms, p95 %.1f ms (machine load %.1f)%n",
                Arrays.stream(perForm).average().orElse(0), perForm[perForm.length / 2],
                perForm[(int) (perForm.length * 0.95)],
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        breakdown(props, layout, pages);
        pages.forEach(RegisteredPage::close);
    }

    /** Mean ms of each step over the pages (one pass, after the warm-up above). */
    private static void breakdown(PhotoProperties props, FormLayout layout, List<RegisteredPage> pages) {
        double p = props.print().pxPerMm();
        PhotoProperties.Print pr = props.print();
        double lp = 5;
        PrintLocator locator = new PrintLocator(new PhotoProperties.Print(pr.searchMarginMm(), lp, pr.widthMm(),
                pr.heightMm(), pr.minAreaMm2(), pr.minPaperDifference(), pr.cleanKernelMm(), pr.captionZone()));
        FaceFinder finder = new FaceFinder(props.face());
        HeadMeasurer measurer = new HeadMeasurer(props.face(), props.framing());
        BackgroundCheck background = new BackgroundCheck(props.background());
        HeadwearCheck headwear = new HeadwearCheck(props.headwear());
        QualityCheck quality = new QualityCheck(props.quality());
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        String[] names = {"crop", "locate", "straighten", "faces", "head", "background", "headwear", "quality"};
        double[] ms = new double[names.length];
        MmRect search = layout.photoBox().grow(props.print().searchMarginMm());
        for (RegisteredPage page : pages) {
            try (Mats m = new Mats()) {
                long t = mx.getCurrentThreadCpuTime();
                Mat crop = m.add(page.cropImage(search, p));
                t = lap(ms, 0, t);
                Mat small = m.create();
                Imgproc.resize(crop, small, new org.opencv.core.Size(Math.round(search.width() * lp),
                        Math.round(search.height() * lp)), 0, 0, Imgproc.INTER_AREA);
                var region = locator.locate(small, null).map(x -> x.rescaled(p));
                t = lap(ms, 1, t);
                if (region.isEmpty()) {
                    continue;
                }
                Mat print = m.add(region.get().straighten(crop, p, 0.4));
                Mat grey = print;
                if (print.channels() == 3) {
                    grey = m.create();
                    Imgproc.cvtColor(print, grey, Imgproc.COLOR_BGR2GRAY);
                }
                t = lap(ms, 2, t);
                FaceFinding faces = finder.find(print, p);
                t = lap(ms, 3, t);
                if (!faces.found()) {
                    continue;
                }
                BackgroundModel bg = BackgroundModel.of(print, p);
                HeadGeometry head = measurer.measure(print, faces, bg, p, 0.4);
                t = lap(ms, 4, t);
                Rect box = faces.main();
                double crownPx = (head.crownMm() - 0.4) * p;
                background.measure(grey, faces.backgroundBox(), crownPx, (head.chinMm() - 0.4) * p, p);
                t = lap(ms, 5, t);
                headwear.measure(print, grey, box, crownPx, (head.foreheadMm() - 0.4) * p, (head.chinMm() - 0.4) * p, bg,
                        p);
                t = lap(ms, 6, t);
                quality.measure(grey, box, p);
                lap(ms, 7, t);
            }
        }
        StringBuilder sb = new StringBuilder("  by step (mean CPU ms per form):");
        for (int i = 0; i < names.length; i++) {
            sb.append(String.format(Locale.ROOT, " %s %.1f", names[i], ms[i] / pages.size()));
        }
        System.out.println(sb);
    }

    private static long lap(double[] ms, int i, long t0) {
        long t = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        ms[i] += (t - t0) / 1e6;
        return t;
    }
}
