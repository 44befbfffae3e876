/**
 * Data exchange with other departments: bulk import and export of the facts they hold (register, licences,
 * accidents, penalties, trainings, drills, inspection results) as CSV, XLSX and JSON Lines, written through
 * the owning features' APIs.
 */
@OwnsTables({"exchange_imports", "exchange_lock"})
package org.safereg.exchange;

import org.safereg.system.OwnsTables;
