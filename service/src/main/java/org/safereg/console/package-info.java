/** The policy console: static pages over the rule-set API, served by the service at /console/. */
package org.safereg.console;
