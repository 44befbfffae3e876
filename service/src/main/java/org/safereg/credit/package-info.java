/** Enterprise safety credit: facts, the scoring rules' input and output facts, the batch job and the API. */
package org.safereg.credit;
