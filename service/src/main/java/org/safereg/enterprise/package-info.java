/** Regulated enterprises and their identity. */
package org.safereg.enterprise;
