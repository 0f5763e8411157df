/* The HTML report's style sheet and script (src/report/), compiled in by
 * src/report/embed.py, so that -T html writes one self-contained file. */
#ifndef RELGRAPH_EXPORT_HTML_ASSETS_H
#define RELGRAPH_EXPORT_HTML_ASSETS_H

extern const char relgraph_report_css[];
extern const char relgraph_report_js[];

#endif
