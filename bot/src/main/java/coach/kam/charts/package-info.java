/**
 * Charts as PNG images, drawn headless with JFreeChart: the pipeline funnel, the target bridge, the
 * tier trend and the portfolio matrix. Input is plain data ({@link coach.kam.charts.ChartData}) with
 * the labels already in the rep's language; every text is drawn with the bundled WenQuanYi Micro Hei
 * font ({@link coach.kam.charts.ChartFont}), so Chinese renders on a machine with no CJK font.
 * {@link coach.kam.charts.PlanSheet} writes the one-page plan PDF (OpenPDF) with the same font embedded.
 * Imports no other package of the bot.
 */
package coach.kam.charts;
